namespace CoverageCompare.Analysis.Text;

/// <summary>Splits text into words, numbers and currency/percent symbols, keeping offsets into the original.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var j = ScanWord(text, i, end);
                tokens.Add(Make(text, i, j, TokenShape.Word));
                i = j;
            }
            else if (char.IsDigit(c))
            {
                var j = ScanNumber(text, i, end);
                tokens.Add(Make(text, i, j, TokenShape.Number));
                i = j;
            }
            else if (c is '$' or '€' or '£' or '%')
            {
                tokens.Add(new Token(i, i + 1, c.ToString(), c.ToString(), TokenShape.Symbol));
                i++;
            }
            else
            {
                i++;
            }
        }
        return tokens;
    }

    private static int ScanWord(string text, int i, int end)
    {
        var j = i;
        while (j < end)
        {
            var c = text[j];
            if (char.IsLetterOrDigit(c))
            {
                j++;
            }
            else if (c is '\'' or '’' or '.' && j + 1 < end && char.IsLetter(text[j + 1]) && (c != '.' || IsDottedAbbreviation(text, i, j)))
            {
                j++;
            }
            else
            {
                break;
            }
        }
        // "U.S." keeps its last dot so that it is read as one word.
        if (j < end && text[j] == '.' && IsDottedAbbreviation(text, i, j) && j - i >= 3)
        {
            j++;
        }
        return j;
    }

    private static bool IsDottedAbbreviation(string text, int start, int dot)
    {
        // Single letters separated by dots: U.S, e.g, U.K.
        for (var k = start; k < dot; k++)
        {
            var isLetterSlot = (k - start) % 2 == 0;
            if (isLetterSlot ? !char.IsLetter(text[k]) : text[k] != '.')
            {
                return false;
            }
        }
        return (dot - start) % 2 == 1;
    }

    private static int ScanNumber(string text, int i, int end)
    {
        var j = i;
        while (j < end)
        {
            var c = text[j];
            if (char.IsDigit(c))
            {
                j++;
            }
            else if (c is ',' or '.' && j + 1 < end && char.IsDigit(text[j + 1]))
            {
                j++;
            }
            else
            {
                break;
            }
        }
        return j;
    }

    private static Token Make(string text, int start, int end, TokenShape shape)
    {
        var surface = text[start..end];
        return new Token(start, end, surface, KeyOf(surface), shape);
    }

    public static string KeyOf(string surface)
    {
        Span<char> buffer = surface.Length <= 128 ? stackalloc char[surface.Length] : new char[surface.Length];
        var n = 0;
        var changed = false;
        foreach (var c in surface)
        {
            var k = c switch
            {
                '’' or '‘' => '\'',
                '‑' => '-',
                _ => char.ToLowerInvariant(c),
            };
            changed |= k != c;
            buffer[n++] = k;
        }
        // Possessives compare as the bare name: Microsoft's == Microsoft.
        if (n > 2 && buffer[n - 2] == '\'' && buffer[n - 1] == 's')
        {
            n -= 2;
        }
        else if (n > 0 && buffer[n - 1] == '\'')
        {
            n--;
        }
        // Most words are written in lower case already: the surface is the key, and no second string is made.
        return !changed && n == surface.Length ? surface : new string(buffer[..n]);
    }
}
