using System.Text;
using Carnet.SignIn.People;

namespace Carnet.Tests.SignIn;

/// <summary>Authenticator codes as RFC 6238 defines them (its appendix B test vectors, SHA-1, last 6 digits).</summary>
public class TotpTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Totp.Code(RfcSecret, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))).ShouldBe(expected);

    [Fact]
    public void A_code_is_accepted_one_step_early_or_late_but_not_two()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = Totp.StepAt(now);

        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step - 1), now, null).ShouldBe(step - 1);
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step + 1), now, null).ShouldBe(step + 1);
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step - 2), now, null).ShouldBeNull();
    }

    [Fact]
    public void A_code_of_a_step_already_used_is_refused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = Totp.StepAt(now);

        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step), now, lastUsedStep: step).ShouldBeNull();
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step - 1), now, lastUsedStep: step).ShouldBeNull();
    }

    [Fact]
    public void The_key_uri_carries_the_secret_in_base32() =>
        Totp.KeyUri("Carnet", "810101234564", RfcSecret).ShouldBe("otpauth://totp/Carnet:810101234564?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Carnet&algorithm=SHA1&digits=6&period=30");
}
