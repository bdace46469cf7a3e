using Carnet.Records.Credentials;

namespace Carnet.Tests.Records.Credentials;

public class PasswordDictionaryTests
{
    [Fact]
    public void The_embedded_lists_hold_common_passwords_and_french_and_english_words()
    {
        var dictionary = PasswordDictionary.Default;

        dictionary.Count.ShouldBeGreaterThan(70_000);
        foreach (var word in new[] { "azerty", "password", "motdepasse", "bonjour", "soleil", "chateau", "sunshine" })
        {
            dictionary.Contains(word).ShouldBeTrue(word);
        }
    }

    [Fact]
    public void The_embedded_lists_are_loaded_once()
    {
        PasswordDictionary.Default.ShouldBeSameAs(PasswordDictionary.Default);
    }

    [Fact]
    public void Words_are_stored_folded_and_short_or_non_letter_entries_are_dropped()
    {
        var dictionary = new PasswordDictionary(["Château", "Cœur-de-lion", "love", "abc123def", "ŒUVRE"]);

        dictionary.Count.ShouldBe(2);
        dictionary.Contains("chateau").ShouldBeTrue();
        dictionary.Contains("oeuvre").ShouldBeTrue();
        dictionary.Contains("Château").ShouldBeFalse();
    }

    [Theory]
    [InlineData("xxchateauxx")]
    [InlineData("ch4t34u")]
    [InlineData("ch@teau")]
    [InlineData("9!chateau")]
    public void A_word_is_found_inside_a_folded_text_with_leet_undone(string folded)
    {
        new PasswordDictionary(["chateau"]).IsFoundIn(folded).ShouldBeTrue();
    }

    [Theory]
    [InlineData("b1ll1ard")]
    [InlineData("b1111ard")]
    public void A_one_is_read_as_i_or_l_wherever_it_stands(string folded)
    {
        new PasswordDictionary(["billiard"]).IsFoundIn(folded).ShouldBeTrue();
    }

    [Theory]
    [InlineData("chat9eau")]
    [InlineData("chatea")]
    [InlineData("")]
    public void A_word_broken_by_a_non_letter_is_not_found(string folded)
    {
        new PasswordDictionary(["chateau"]).IsFoundIn(folded).ShouldBeFalse();
    }

    [Fact]
    public void A_long_run_of_ones_is_checked_without_trying_every_reading()
    {
        var dictionary = new PasswordDictionary(["illicit"]);

        dictionary.IsFoundIn(new string('1', 2000)).ShouldBeFalse();
        dictionary.IsFoundIn("1ll1c1t").ShouldBeTrue();

        // Beyond 4 ones in a candidate only the uniform readings (all i, all l) are tried: a known, accepted gap.
        dictionary.IsFoundIn("1111c1t").ShouldBeFalse();
    }
}
