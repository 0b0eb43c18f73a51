namespace CoverageCompare.Analysis;

/// <summary>
/// The dates the engine reasons about. Relative phrases ("next year", "last winter") are placed from an article's date
/// only inside this window, and a year written in a text outside it stays unplaced, so date arithmetic never leaves
/// the calendar. Importers refuse publication dates outside it with <see cref="Refusal"/>.
/// </summary>
public static class ArticleDates
{
    public static DateOnly Earliest { get; } = new(1000, 1, 1);

    public static DateOnly Latest { get; } = new(2999, 12, 31);

    public static bool IsSupported(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool IsSupportedYear(int year) => year >= Earliest.Year && year <= Latest.Year;

    public static string Refusal(DateOnly date) =>
        $"The date {date:yyyy-MM-dd} is outside the dates the comparison can place ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}); correct it or leave it empty.";
}
