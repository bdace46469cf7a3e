using Carnet.Identifiers;

namespace Carnet.Tests.Identifiers;

public class ProfessionalAndEstablishmentIdentifierTests
{
    [Fact]
    public void Rpps_has_exactly_11_digits_and_its_national_id_is_8_plus_rpps()
    {
        var rpps = Rpps.Parse("10003456789");
        rpps.IdNatPs.ShouldBe("810003456789");
        ProfessionalId.FromRpps(rpps).Value.ShouldBe("810003456789");
    }

    [Theory]
    [InlineData("1000345678")]
    [InlineData("100034567890")]
    [InlineData("1000345678A")]
    public void Rpps_of_the_wrong_format_is_refused(string value)
    {
        var error = Should.Throw<IdentifierException>(() => Rpps.Parse(value));
        error.Field.ShouldBe("rpps");
        error.Problem.ShouldContain("11 digits");
    }

    [Fact]
    public void Rpps_luhn_failure_is_only_a_warning()
    {
        // 10003456789 fails Luhn; it must still parse (DOMAIN.md §2: Luhn on RPPS is not reliable).
        var rpps = Rpps.Parse("10003456789");
        rpps.PassesLuhn.ShouldBeFalse();
        Rpps.Parse("10003456786").PassesLuhn.ShouldBeTrue();
    }

    [Fact]
    public void Adeli_has_9_characters_and_its_national_id_is_0_plus_adeli()
    {
        Adeli.Parse("751234567").IdNatPs.ShouldBe("0751234567");
        Adeli.Parse("2A1234567").Value.ShouldBe("2A1234567");
        Should.Throw<IdentifierException>(() => Adeli.Parse("75123456")).Field.ShouldBe("adeli");
    }

    [Fact]
    public void A_national_professional_id_is_read_back_into_rpps_or_adeli()
    {
        ProfessionalId.Parse("810003456789").Rpps!.Value.ShouldBe("10003456789");
        ProfessionalId.Parse("0751234567").Adeli!.Value.ShouldBe("751234567");
        Should.Throw<IdentifierException>(() => ProfessionalId.Parse("910003456789")).Problem.ShouldContain("\"8\"");
    }

    [Fact]
    public void Finess_check_digit_is_luhn()
    {
        Finess.Parse("010780195").Value.ShouldBe("010780195");
        var error = Should.Throw<IdentifierException>(() => Finess.Parse("010780196"));
        error.Field.ShouldBe("finess");
        error.Problem.ShouldContain("check digit");
    }

    [Fact]
    public void Corsican_finess_numbers_have_no_luhn_check()
    {
        Finess.Parse("2A0000012").Value.ShouldBe("2A0000012");
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    public void Vitale_serials_of_8_to_13_digits_are_accepted(string value) =>
        VitaleSerial.Parse(value).Value.ShouldBe(value);

    [Theory]
    [InlineData("1234567")]
    [InlineData("12345678901234")]
    [InlineData("1234567890A")]
    public void Other_vitale_serials_are_refused_and_named(string value) =>
        Should.Throw<IdentifierException>(() => VitaleSerial.Parse(value)).Field.ShouldBe("vitaleSerial");
}
