using Carnet.Identifiers;

namespace Carnet.Tests.Identifiers;

public class InsTests
{
    private const string Nir = "255081416802538";

    [Fact]
    public void Ins_is_read_from_a_fhir_token_with_the_ins_nir_oid()
    {
        var ins = Ins.ParseToken("urn:oid:1.2.250.1.213.1.4.8|" + Nir, allowTestAuthorities: false);
        ins.Authority.ShouldBe(InsAuthority.InsNir);
        ins.Nir.Value.ShouldBe(Nir);
        ins.System.ShouldBe("urn:oid:1.2.250.1.213.1.4.8");
    }

    [Theory]
    [InlineData("1.2.250.1.213.1.4.10")]
    [InlineData("urn:oid:1.2.250.1.213.1.4.11")]
    public void Test_and_demo_oids_are_refused_in_production_mode(string oid)
    {
        var error = Should.Throw<IdentifierException>(() => Ins.Parse(oid, Nir, allowTestAuthorities: false));
        error.Field.ShouldBe("ins");
        error.Problem.ShouldContain("refused in production");
    }

    [Theory]
    [InlineData("1.2.250.1.213.1.4.10", InsAuthority.TestNir)]
    [InlineData("1.2.250.1.213.1.4.11", InsAuthority.DemoNir)]
    public void Test_and_demo_oids_are_accepted_in_development_and_test_modes(string oid, InsAuthority authority) =>
        Ins.Parse(oid, Nir, allowTestAuthorities: true).Authority.ShouldBe(authority);

    [Fact]
    public void An_unknown_authority_is_refused_with_the_expected_oids()
    {
        var error = Should.Throw<IdentifierException>(() => Ins.Parse("urn:oid:1.2.3", Nir, allowTestAuthorities: true));
        error.Problem.ShouldContain("1.2.250.1.213.1.4.8");
    }

    [Fact]
    public void An_ins_nia_carries_a_temporary_number()
    {
        var first13 = "8550814168025";
        var nia = first13 + Carnet.Identifiers.Nir.ComputeKey(first13).ToString("00");
        Ins.Parse("1.2.250.1.213.1.4.9", nia, allowTestAuthorities: false).Nir.IsTemporary.ShouldBeTrue();
        Should.Throw<IdentifierException>(() => Ins.Parse("1.2.250.1.213.1.4.8", nia, allowTestAuthorities: false));
    }

    [Fact]
    public void A_token_without_a_bar_says_how_to_write_it()
    {
        var error = Should.Throw<IdentifierException>(() => Ins.ParseToken(Nir, allowTestAuthorities: true));
        error.Field.ShouldBe("patient.identifier");
        error.Problem.ShouldContain("system|value");
    }
}
