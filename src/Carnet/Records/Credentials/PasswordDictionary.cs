using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Text;

namespace Carnet.Records.Credentials;

/// <summary>
/// Common passwords and French and English words a password must not contain (DOMAIN.md §3), held folded
/// (see <see cref="PasswordText.Fold"/>). The embedded lists and where they come from: Dictionaries/PROVENANCE.md.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A dictionary of words in the everyday sense, the term DOMAIN.md §3 uses; it is not a collection type.")]
public sealed class PasswordDictionary
{
    /// <summary>
    /// Words shorter than 5 letters are not looked for. The lists hold about 5,500 four-letter entries, which cover
    /// most pronounceable 4-letter strings: measured on these lists, looking for them would refuse about 7% of random
    /// 12-character passwords and 15% of random 16-character letters-and-digits ones (against 0.4% and 1.3% from 5
    /// letters), and almost any password a person makes up, pushing holders towards letter-poor passwords.
    /// </summary>
    public const int MinimumWordLength = 5;

    private const string ResourcePrefix = "Carnet.Records.Credentials.Dictionaries.";
    private const string ResourceSuffix = ".txt.gz";

    // A '1' may be an i or an l: each one doubles the lookups, so beyond this many only "all i" and "all l" are tried.
    private const int MaximumAmbiguousOnes = 4;

    // Words longer than this are not looked for; no word in the embedded lists comes near it.
    private const int MaximumWordLength = 64;

    private static readonly Lazy<PasswordDictionary> Embedded = new(LoadEmbedded);

    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestWord;

    /// <summary>A dictionary of the given words; each is folded, and words that are not 5 or more letters a to z are ignored.</summary>
    public PasswordDictionary(IEnumerable<string> words)
    {
        _words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var folded = PasswordText.Fold(word);
            if (IsWord(folded))
            {
                _words.Add(folded);
                _longestWord = Math.Max(_longestWord, folded.Length);
            }
        }

        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lists embedded in Carnet, read and decompressed once, on first use.</summary>
    public static PasswordDictionary Default => Embedded.Value;

    public int Count => _words.Count;

    /// <summary>True when the folded word (lower case, no accents) is in the dictionary.</summary>
    public bool Contains(ReadOnlySpan<char> foldedWord) => _lookup.Contains(foldedWord);

    /// <summary>
    /// True when any run of 5 or more letters in the folded text, read with leet undone, is or contains a word of the
    /// dictionary: "xB0nj0ur!" contains "bonjour". Looks words up on spans, without allocating per candidate.
    /// </summary>
    public bool IsFoundIn(ReadOnlySpan<char> foldedText)
    {
        Span<char> letters = foldedText.Length <= 256 ? stackalloc char[foldedText.Length] : new char[foldedText.Length];
        for (var i = 0; i < foldedText.Length; i++)
        {
            letters[i] = PasswordText.ToLetter(foldedText[i]);
        }

        Span<char> scratch = stackalloc char[MaximumWordLength];
        var start = 0;
        while (start < letters.Length)
        {
            var length = letters[start..].IndexOf(PasswordText.NotALetter);
            if (length < 0)
            {
                length = letters.Length - start;
            }

            if (length >= MinimumWordLength && RunContainsWord(letters.Slice(start, length), scratch))
            {
                return true;
            }

            start += length + 1;
        }

        return false;
    }

    private static bool IsWord(string folded)
    {
        if (folded.Length is < MinimumWordLength or > MaximumWordLength)
        {
            return false;
        }

        foreach (var c in folded)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private bool RunContainsWord(ReadOnlySpan<char> run, Span<char> scratch)
    {
        var longest = Math.Min(run.Length, _longestWord);
        for (var from = 0; from + MinimumWordLength <= run.Length; from++)
        {
            for (var length = MinimumWordLength; length <= longest && from + length <= run.Length; length++)
            {
                if (ContainsReadingOnes(run.Slice(from, length), scratch))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool ContainsReadingOnes(ReadOnlySpan<char> candidate, Span<char> scratch)
    {
        var firstOne = candidate.IndexOf(PasswordText.IOrL);
        if (firstOne < 0)
        {
            return _lookup.Contains(candidate);
        }

        var word = scratch[..candidate.Length];
        candidate.CopyTo(word);
        if (candidate.Count(PasswordText.IOrL) <= MaximumAmbiguousOnes)
        {
            return ContainsEachReading(word, firstOne);
        }

        word.Replace(PasswordText.IOrL, 'i');
        if (_lookup.Contains(word))
        {
            return true;
        }

        candidate.CopyTo(word);
        word.Replace(PasswordText.IOrL, 'l');
        return _lookup.Contains(word);
    }

    /// <summary>Tries i and l for the '1' at <paramref name="one"/> and, recursively, for each '1' after it.</summary>
    private bool ContainsEachReading(Span<char> word, int one)
    {
        var next = word[(one + 1)..].IndexOf(PasswordText.IOrL);
        foreach (var letter in "il")
        {
            word[one] = letter;
            var found = next < 0 ? _lookup.Contains(word) : ContainsEachReading(word, one + 1 + next);
            if (found)
            {
                word[one] = PasswordText.IOrL;
                return true;
            }
        }

        word[one] = PasswordText.IOrL;
        return false;
    }

    private static PasswordDictionary LoadEmbedded()
    {
        var assembly = typeof(PasswordDictionary).Assembly;
        var words = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded word list {name} cannot be opened.");
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                words.Add(line);
            }
        }

        var dictionary = new PasswordDictionary(words);
        return dictionary.Count > 0
            ? dictionary
            : throw new InvalidOperationException("No password word list is embedded: check the EmbeddedResource items of Carnet.csproj.");
    }
}
