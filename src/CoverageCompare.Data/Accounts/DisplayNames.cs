using System.Globalization;
using System.Text;

namespace CoverageCompare.Data.Accounts;

/// <summary>
/// What a display name may be and when two are the same to a reader. Names are stored cleaned: Unicode NFKC, without
/// bidi controls or other invisible characters, with one ordinary space between words. Two names are the same when
/// their <see cref="Skeleton"/>s are: case, accents, spacing and punctuation aside, and the look-alike letters of
/// Cyrillic and Greek (and 0/1 for o/l) read as Latin.
/// </summary>
public static class DisplayNames
{
    private static readonly Lookalike Lookalikes = new(
        "аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdԛqѡwһhӏlαaβbεeιiκkνvοoρpτtυuχxηnζz0o1l|l!l");

    /// <summary>The name as it is stored and shown; empty when nothing visible is left.</summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var text = WithoutLoneSurrogates(name);
        text = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var cleaned = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = cleaned.Length > 0;
                continue;
            }
            if (IsInvisible(c)) continue;
            if (pendingSpace) cleaned.Append(' ');
            pendingSpace = false;
            cleaned.Append(c);
        }
        return cleaned.ToString();
    }

    /// <summary>The form two names are compared in; equal skeletons look alike on the page.</summary>
    public static string Skeleton(string? name)
    {
        var decomposed = Clean(name).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var skeleton = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (!char.IsLetterOrDigit(c) && c is not ('|' or '!')) continue;
            skeleton.Append(Lookalikes.Map(c));
        }
        return skeleton.Replace("rn", "m").Replace("vv", "w").ToString();
    }

    /// <summary>Bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C), zero-width and other format characters, control characters, and the blank "letters" that render as nothing.</summary>
    public static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.PrivateUse => true,
        _ => c is '\u034F' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E' or '\u2800' or '\u3164' or '\uFFA0' or '\uFFFC',
    };

    /// <summary>Normalize throws on a half of a surrogate pair; such a half shows as nothing anyway.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(text[i]).Append(text[++i]);
            else if (!char.IsSurrogate(text[i])) kept.Append(text[i]);
        }
        return kept.ToString();
    }

    private sealed class Lookalike(string pairs)
    {
        private readonly Dictionary<char, char> map = Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);

        public char Map(char c) => map.TryGetValue(c, out var latin) ? latin : c;
    }
}
