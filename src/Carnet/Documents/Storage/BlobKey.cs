namespace Carnet.Documents.Storage;

/// <summary>
/// The one rule for blob keys, shared by every store so a key valid on one is valid on all: <c>/</c>-separated
/// segments of <c>[A-Za-z0-9._-]</c>, none empty, <c>.</c> or containing <c>..</c>, and no file name starting
/// with <c>.tmp-</c>, which the file-system store keeps for its unfinished writes.
/// </summary>
public static class BlobKey
{
    internal const string TemporaryPrefix = ".tmp-";

    /// <summary>Throws <see cref="ArgumentException"/> saying what is wrong with <paramref name="key"/>.</summary>
    public static void Validate(string key)
    {
        if (Problem(key, isPrefix: false) is { } problem)
        {
            throw new ArgumentException($"Invalid blob key '{key}': {problem}.", nameof(key));
        }
    }

    /// <summary>Like <see cref="Validate"/>, for a listing prefix: it may be empty, end with <c>/</c> or stop inside a segment.</summary>
    public static void ValidatePrefix(string prefix)
    {
        if (Problem(prefix, isPrefix: true) is { } problem)
        {
            throw new ArgumentException($"Invalid blob key prefix '{prefix}': {problem}.", nameof(prefix));
        }
    }

    public static bool IsValid(string key) => Problem(key, isPrefix: false) is null;

    private static string? Problem(string? key, bool isPrefix)
    {
        if (key is null)
        {
            return "it is null";
        }

        if (key.Length == 0)
        {
            return isPrefix ? null : "it is empty";
        }

        if (key[0] == '/')
        {
            return "it is absolute (starts with '/')";
        }

        if (key.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains a backslash; segments are separated by '/'";
        }

        if (key.Contains("..", StringComparison.Ordinal))
        {
            return "it contains '..'";
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '/' or '-'))
            {
                return $"it contains '{c}' (U+{(int)c:X4}); only A-Z, a-z, 0-9, '.', '_', '-' and '/' are allowed";
            }
        }

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i].Length == 0 && !(isPrefix && last))
            {
                return "it has an empty segment ('//' or a trailing '/')";
            }

            if (segments[i] == "." && !(isPrefix && last))
            {
                return "it has a '.' segment";
            }
        }

        if (!isPrefix && segments[^1].StartsWith(TemporaryPrefix, StringComparison.Ordinal))
        {
            return $"names starting with '{TemporaryPrefix}' are reserved for unfinished writes";
        }

        return null;
    }
}
