using System.Globalization;
using System.Text;

namespace Carnet.Records.Credentials;

/// <summary>How passwords, personal data and word lists are compared: case, accents and simple leet undone.</summary>
internal static class PasswordText
{
    /// <summary>Stands for a '1' in a password, which may be a leet i or a leet l.</summary>
    public const char IOrL = '1';

    /// <summary>Marks a character that cannot be part of a word (a digit other than leet, most symbols, other scripts).</summary>
    public const char NotALetter = '\0';

    /// <summary>Lower case, œ/æ/ß spelled out, accents removed: the folding Dictionaries/extract.sh applies to the word lists.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ':
                    folded.Append("oe");
                    break;
                case 'æ':
                    folded.Append("ae");
                    break;
                case 'ß':
                    folded.Append("ss");
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                    {
                        folded.Append(c);
                    }

                    break;
            }
        }

        return folded.ToString();
    }

    /// <summary>The letter a folded character stands for: itself, a leet substitution undone, <see cref="IOrL"/> or <see cref="NotALetter"/>.</summary>
    public static char ToLetter(char folded) => folded switch
    {
        >= 'a' and <= 'z' => folded,
        '0' => 'o',
        '1' => IOrL,
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        _ => NotALetter,
    };

    /// <summary>The folded text with leet undone where possible, '1' read as <paramref name="one"/>; other characters are kept.</summary>
    public static string Unleet(string folded, char one) => string.Create(folded.Length, (folded, one), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = state.folded[i];
            var letter = ToLetter(c);
            span[i] = letter switch
            {
                IOrL => state.one,
                NotALetter => c,
                _ => letter,
            };
        }
    });
}
