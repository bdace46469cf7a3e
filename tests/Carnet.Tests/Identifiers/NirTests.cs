using Carnet.Identifiers;

namespace Carnet.Tests.Identifiers;

public class NirTests
{
    [Theory]
    [InlineData("2550814168025", 38)]
    [InlineData("284052A321025", 52)]
    [InlineData("2940375120005", 91)]
    [InlineData("1531245007231", 60)]
    public void Nir_key_is_97_minus_the_number_modulo_97_on_the_worked_examples(string first13, int key)
    {
        Nir.ComputeKey(first13).ShouldBe(key);
        Nir.Parse(first13 + key.ToString("00")).Value.ShouldBe(first13 + key.ToString("00"));
    }

    [Fact]
    public void Corsican_department_2B_counts_as_18()
    {
        // Same number with 2B instead of 2A: the key must move by exactly the difference 19 → 18.
        var key2B = Nir.ComputeKey("284052B321025");
        key2B.ShouldBe(Nir.ComputeKey("2840518321025"));
        Nir.Parse("284052B321025" + key2B.ToString("00")).ShouldNotBeNull();
    }

    [Fact]
    public void Corsica_letters_are_accepted_at_the_department_position_only()
    {
        // A at the commune position: 2A only stands for a department.
        var error = Should.Throw<IdentifierException>(() => Nir.Parse("2840575A2102552"));
        error.Field.ShouldBe("nir");
        error.Problem.ShouldContain("department position");
    }

    [Theory]
    [InlineData("20")]
    [InlineData("42")]
    [InlineData("50")]
    [InlineData("99")]
    public void Months_of_incomplete_civil_records_are_accepted(string month)
    {
        var first13 = "155" + month + "75120005";
        Nir.Parse(first13 + Nir.ComputeKey(first13).ToString("00")).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("00")]
    [InlineData("13")]
    [InlineData("19")]
    [InlineData("43")]
    [InlineData("49")]
    public void Impossible_months_are_refused_and_named(string month)
    {
        var first13 = "155" + month + "75120005";
        var error = Should.Throw<IdentifierException>(() => Nir.Parse(first13 + Nir.ComputeKey(first13).ToString("00")));
        error.Problem.ShouldContain($"month {month}");
    }

    [Fact]
    public void A_wrong_key_is_refused_with_a_hint_to_check_the_digits()
    {
        var error = Should.Throw<IdentifierException>(() => Nir.Parse("255081416802537"));
        error.Field.ShouldBe("nir");
        error.Problem.ShouldContain("key");
        error.Message.ShouldStartWith("nir: ");
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("25508141680253", "15 characters")]
    [InlineData("355081416802538", "start with 1 or 2")]
    [InlineData("2550814168A2538", "must be digits")]
    public void Each_rejection_names_the_field_and_what_is_wrong(string value, string expected)
    {
        var error = Should.Throw<IdentifierException>(() => Nir.Parse(value, "holder.nir"));
        error.Field.ShouldBe("holder.nir");
        error.Problem.ShouldContain(expected);
    }

    [Fact]
    public void Spaces_are_ignored_and_the_value_is_stored_normalised()
    {
        Nir.Parse(" 2 55 08 14 168 025 38 ").Value.ShouldBe("255081416802538");
        Nir.Parse("284052a32102552").Value.ShouldBe("284052A32102552");
    }

    [Fact]
    public void A_nir_never_prints_its_digits()
    {
        Nir.Parse("255081416802538").ToString().ShouldNotContain("5508141680");
    }

    [Fact]
    public void Temporary_numbers_are_only_accepted_where_asked_for()
    {
        var first13 = "7550814168025";
        var nia = first13 + Nir.ComputeKey(first13).ToString("00");
        Nir.TryParse(nia, out _).ShouldBeFalse();
        Nir.ParseTemporary(nia).IsTemporary.ShouldBeTrue();
    }
}
