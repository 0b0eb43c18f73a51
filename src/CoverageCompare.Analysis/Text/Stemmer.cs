namespace CoverageCompare.Analysis.Text;

/// <summary>
/// A light English suffix stripper. It only needs to be consistent (approve, approved, approves and
/// approving meet), not linguistically exact.
/// </summary>
internal static class Stemmer
{
    public static string Stem(string key)
    {
        if (key.Length <= 3 || !IsAsciiLetters(key))
        {
            return key;
        }
        var w = key;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        foreach (var suffix in Suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3 && HasVowel(w.AsSpan(0, w.Length - suffix.Length)))
            {
                w = w[..^suffix.Length];
                if (suffix is "ing" or "ed" && w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z'))
                {
                    w = w[..^1];
                }
                break;
            }
        }
        if (w.EndsWith('e') && w.Length > 3)
        {
            w = w[..^1];
        }
        if (w.EndsWith('y') && w.Length > 4)
        {
            w = w[..^1] + "i";
        }
        return w;
    }

    private static readonly string[] Suffixes =
    [
        "ational", "ization", "fulness", "iveness", "ements", "ement", "ments", "ment", "ation", "ingly",
        "ness", "ance", "ence", "ably", "edly", "ing", "ed", "ly",
    ];

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y')
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsAsciiLetters(string s)
    {
        foreach (var c in s)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }
        return true;
    }
}
