using Carnet.Access;
using Carnet.Identifiers;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Access;

/// <summary>Identity vigilance: a professional's INS search matches only with the traits the INS goes with.</summary>
public sealed class FindPatientTraitsTests
{
    private static readonly Nir Alice = Nir.Parse(People.Alice);

    [Theory]
    [InlineData("MARTIN", "Alice")]
    [InlineData("martin", "ALICE")]
    [InlineData(" Martin ", "alice")]
    public void Traits_match_whatever_the_case_and_spaces(string family, string given) =>
        FindPatient.Matches(new FindPatient.Traits(family, given, new DateOnly(1985, 3, 21), 'F'), Alice, "MARTIN", "Alice", new DateOnly(1985, 3, 21)).ShouldBeTrue();

    [Fact]
    public void Accents_hyphens_and_apostrophes_do_not_count_and_any_given_name_or_all_of_them_matches()
    {
        var born = new DateOnly(1985, 3, 21);
        FindPatient.Matches(new("LEFEVRE D ARC", "Eloise", born, 'F'), Alice, "LEFÈVRE-D'ARC", "Héloïse Éloïse", born).ShouldBeTrue();
        FindPatient.Matches(new("Lefèvre d'Arc", "Héloïse Éloïse", born, 'F'), Alice, "LEFÈVRE-D'ARC", "Héloïse Éloïse", born).ShouldBeTrue();
    }

    [Theory]
    [InlineData("DURAND", "Alice", 1985, 'F')]
    [InlineData("MARTIN", "Alicia", 1985, 'F')]
    [InlineData("MARTIN", "", 1985, 'F')]
    [InlineData("MARTIN", "Alice", 1986, 'F')]
    [InlineData("MARTIN", "Alice", 1985, 'M')]
    public void A_wrong_name_birth_date_or_sex_does_not_match(string family, string given, int year, char sex) =>
        FindPatient.Matches(new FindPatient.Traits(family, given, new DateOnly(year, 3, 21), sex), Alice, "MARTIN", "Alice", new DateOnly(1985, 3, 21)).ShouldBeFalse();
}
