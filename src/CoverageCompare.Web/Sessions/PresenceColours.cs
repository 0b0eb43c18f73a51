namespace CoverageCompare.Web.Sessions;

/// <summary>
/// Colours for the people in one story, handed out from a palette in the order they joined, so that up to
/// <see cref="Palette"/>.Count people never share one (a hash of each person's key did collide). Every viewer computes
/// the same answer from the same presence list.
/// </summary>
public static class PresenceColours
{
    // Each has at least 3:1 contrast against the light page, as a non-text mark needs; the name is always shown beside it.
    public static readonly IReadOnlyList<string> Palette =
        ["#0b6fb8", "#b34700", "#0a7d55", "#a3367f", "#6a4fc2", "#c0392b", "#7a6400", "#55606e"];

    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<SessionPresence> viewers) => viewers
        .GroupBy(v => v.Viewer.Key)
        .Select(g => (Key: g.Key, JoinedAt: g.Min(v => v.JoinedAt)))
        .OrderBy(p => p.JoinedAt)
        .ThenBy(p => p.Key, StringComparer.Ordinal)
        .Select((person, index) => (person.Key, Colour: Palette[index % Palette.Count]))
        .ToDictionary(p => p.Key, p => p.Colour);
}
