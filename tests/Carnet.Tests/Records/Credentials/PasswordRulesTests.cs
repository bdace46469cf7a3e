using Carnet.Records.Credentials;

namespace Carnet.Tests.Records.Credentials;

public class PasswordRulesTests
{
    private static PersonalData Nobody => new(null, null, null, null, null, null, null);

    private static PersonalData Holder() => new(
        Login: "jdupont85",
        FamilyName: "Dupont",
        GivenNames: "Jean-Éric Marc",
        BirthDate: new DateOnly(1955, 8, 14),
        Nir: "255081416802538",
        Email: "kiwi.bleu@example.fr",
        Mobile: "+33 6 12 34 56 78");

    private static List<string> Codes(string? password, PersonalData personal) =>
        new PasswordRules(PasswordDictionary.Default).Check(password, personal).Select(problem => problem.Code).ToList();

    [Theory]
    [InlineData("Kp9#vT2!mQx")]
    [InlineData("Zq7!wX3#rP9v")]
    [InlineData("7r#Gk2 pW9!x")]
    public void A_strong_random_looking_password_passes(string password)
    {
        Codes(password, Holder()).ShouldBeEmpty();
    }

    [Fact]
    public void Password_must_have_at_least_9_characters()
    {
        Codes("Kp9#vT2!", Nobody).ShouldBe([PasswordRules.TooShort]);
        Codes("Kp9#vT2!m", Nobody).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("kp9#vt2!mqx", PasswordRules.NeedsUpper)]
    [InlineData("KP9#VT2!MQX", PasswordRules.NeedsLower)]
    [InlineData("Kpz#vTk!mQx", PasswordRules.NeedsDigit)]
    [InlineData("Kp9xvT2wmQx", PasswordRules.NeedsSpecial)]
    public void Password_needs_lower_upper_digit_and_special(string password, string missing)
    {
        Codes(password, Nobody).ShouldBe([missing]);
    }

    [Fact]
    public void Every_broken_rule_is_returned_for_live_rules()
    {
        Codes("abc", Nobody).ShouldBe([PasswordRules.TooShort, PasswordRules.NeedsUpper, PasswordRules.NeedsDigit, PasswordRules.NeedsSpecial]);
        Codes(null, Nobody).ShouldBe([PasswordRules.TooShort, PasswordRules.NeedsLower, PasswordRules.NeedsUpper, PasswordRules.NeedsDigit, PasswordRules.NeedsSpecial]);
    }

    [Theory]
    [InlineData("Xk#DUPONT9q")]
    [InlineData("Xk#dup0nt9q")]
    [InlineData("Xk#Éric9qZ!")]
    [InlineData("Xk#eric9qZ!")]
    [InlineData("Xk#MaRc9qZ!")]
    [InlineData("Xk#1955qZ!v")]
    [InlineData("Xk#14/08qZ!")]
    [InlineData("Xk#19550814Z!")]
    [InlineData("Xk#14-08-55Z!")]
    [InlineData("Xk#14.8.1955Z!")]
    public void Password_cannot_contain_the_holders_name_or_birth_date(string password)
    {
        Codes(password, Holder()).ShouldContain(code => code == PasswordRules.ContainsPersonalData);
    }

    [Theory]
    [InlineData("Xk#Jdupont85!")]
    [InlineData("Xk#41680qZ!v")]
    [InlineData("Xk#123456Z!v")]
    [InlineData("Xk#061234Z!v")]
    [InlineData("Xk#KIWI9qZ!v")]
    [InlineData("Xk#kiwi.bleu!9")]
    public void Password_cannot_contain_the_holders_login_nir_mobile_or_email(string password)
    {
        Codes(password, Holder()).ShouldContain(code => code == PasswordRules.ContainsPersonalData);
    }

    [Fact]
    public void Short_fragments_of_personal_numbers_are_allowed()
    {
        // 4 digits of the NIR and 5 of the mobile are too short to identify the holder.
        Codes("Xk#1416qZ!v", Holder()).ShouldNotContain(code => code == PasswordRules.ContainsPersonalData);
        Codes("Xk#12345Z!v", Holder()).ShouldNotContain(code => code == PasswordRules.ContainsPersonalData);
    }

    [Theory]
    [InlineData("Xk9#Soleil!")]
    [InlineData("Bonjour#92X")]
    [InlineData("B0nj0ur#92X")]
    [InlineData("x9#BONJOUR!q")]
    [InlineData("P@ssw0rd#92")]
    [InlineData("Azerty#1234")]
    [InlineData("Motdepasse1!")]
    [InlineData("Fam1lle#92X")]
    [InlineData("Ba11on#92X!")]
    [InlineData("Xk9#FENÊTRE2!")]
    [InlineData("Xk9#Sunshine!")]
    public void Password_cannot_contain_a_dictionary_word(string password)
    {
        Codes(password, Nobody).ShouldBe([PasswordRules.ContainsDictionaryWord]);
    }

    [Fact]
    public void Words_shorter_than_5_letters_are_not_looked_for()
    {
        Codes("Love#92Xq!", Nobody).ShouldBeEmpty();
    }

    [Fact]
    public void Password_problems_never_echo_the_password()
    {
        var holder = Holder();
        var rules = new PasswordRules(PasswordDictionary.Default);
        string[] secrets = ["jdupont85", "dupont", "jean", "eric", "marc", "1955", "14/08", "255081416802538", "kiwi", "bleu", "12 34 56 78", "123456"];

        foreach (var password in new[] { "Dupont1955!", "Xk#Jdupont85!", "soleil", "B0nj0ur#92X", "azertyuiop", "Xk#123456Z!v" })
        {
            var problems = rules.Check(password, holder);

            problems.ShouldNotBeEmpty();
            foreach (var problem in problems)
            {
                problem.Message.ShouldNotContain(password, Case.Insensitive);
                foreach (var secret in secrets)
                {
                    problem.Message.ShouldNotContain(secret, Case.Insensitive);
                }
            }
        }
    }

    [Fact]
    public void Personal_data_never_prints_its_values()
    {
        Holder().ToString().ShouldNotContain("Dupont");
        Holder().ToString().ShouldNotContain("255081416802538");
    }
}
