using Carnet.Records.Credentials;

namespace Carnet.Tests.Records.Credentials;

public class LoginRulesTests
{
    private static IEnumerable<string> Codes(string? login) => LoginRules.Check(login).Select(problem => problem.Code);

    [Theory]
    [InlineData("jean.dupont")]
    [InlineData("marie_curie-1867")]
    [InlineData("ab12CD34")]
    public void A_login_of_allowed_characters_is_accepted(string login)
    {
        LoginRules.Check(login).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("jdupont")]
    public void Login_must_have_at_least_8_characters(string? login)
    {
        Codes(login).ShouldBe([LoginRules.TooShort]);
    }

    [Theory]
    [InlineData("hélène.dupont")]
    [InlineData("francois.garçon")]
    [InlineData("Zoë_Lefèvre")]
    public void Login_cannot_contain_accents(string login)
    {
        Codes(login).ShouldBe([LoginRules.ForbiddenCharacters]);
    }

    [Theory]
    [InlineData("jean dupont")]
    [InlineData("jean+dupont")]
    [InlineData("jean'dupont")]
    [InlineData("jean!dupont")]
    public void Login_allows_no_special_character_other_than_dot_dash_and_underscore(string login)
    {
        Codes(login).ShouldBe([LoginRules.ForbiddenCharacters]);
    }

    [Theory]
    [InlineData("jean.dupont@example.fr")]
    [InlineData("j@ex.com")]
    public void Login_cannot_be_an_email_address(string login)
    {
        // The @ is also a forbidden character: both problems are reported, each with its own advice.
        Codes(login).ShouldBe([LoginRules.ForbiddenCharacters, LoginRules.IsEmail]);
    }

    [Theory]
    [InlineData("255081416802538")]
    [InlineData("2.55.08.14.168.025.38")]
    [InlineData("284052A32102552")]
    public void Login_cannot_be_a_nir(string login)
    {
        Codes(login).ShouldBe([LoginRules.IsNir]);
    }

    [Theory]
    [InlineData("2550814168025")]
    [InlineData("255081416802537")]
    [InlineData("755081416802512")]
    public void Login_cannot_be_13_or_15_digits_even_without_a_valid_nir_key(string login)
    {
        // Without its key, or with a mistyped one, the number still reads as a social security number.
        Codes(login).ShouldBe([LoginRules.IsNir]);
    }

    [Fact]
    public void Login_may_be_a_number_of_another_length()
    {
        LoginRules.Check("12345678901234").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("fr14-2004-1010-0505-0001-3m02-606")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000")]
    public void Login_cannot_be_an_iban(string login)
    {
        Codes(login).ShouldBe([LoginRules.IsIban]);
    }

    [Fact]
    public void An_iban_shaped_login_with_wrong_check_digits_is_not_an_iban()
    {
        LoginRules.Check("FR1520041010050500013M02606").ShouldBeEmpty();
    }

    [Fact]
    public void Every_broken_rule_is_reported_with_a_message_saying_what_to_do()
    {
        var problems = LoginRules.Check("é@x.fr");

        problems.Select(problem => problem.Code).ShouldBe([LoginRules.TooShort, LoginRules.ForbiddenCharacters, LoginRules.IsEmail]);
        problems.ShouldAllBe(problem => problem.Message.Length > 20);
    }

    [Fact]
    public void Login_problems_never_echo_the_login()
    {
        foreach (var login in new[] { "jean.dupont@example.fr", "255081416802538", "FR1420041010050500013M02606", "hélène" })
        {
            LoginRules.Check(login).ShouldAllBe(problem => !problem.Message.Contains(login, StringComparison.OrdinalIgnoreCase));
        }
    }
}
