namespace CoverageCompare.Analysis.Text;

/// <summary>A word or number in the original text; <see cref="Key"/> is its comparison form (lower case, apostrophes straightened).</summary>
internal readonly record struct Token(int Start, int End, string Surface, string Key, TokenShape Shape)
{
    public bool IsCapitalized => Surface.Length > 0 && char.IsUpper(Surface[0]);

    public bool HasInnerCapital
    {
        get
        {
            for (var i = 1; i < Surface.Length; i++)
            {
                if (char.IsUpper(Surface[i]) && char.IsLower(Surface[i - 1]))
                {
                    return true;
                }
            }
            return Surface.Length > 1 && char.IsLower(Surface[0]) && Surface.Any(char.IsUpper);
        }
    }
}

internal enum TokenShape { Word, Number, Symbol }
