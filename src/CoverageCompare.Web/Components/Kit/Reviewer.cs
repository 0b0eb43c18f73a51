namespace CoverageCompare.Web.Components.Kit;

/// <summary>
/// The display name a person gives once for their corrections and notes, until accounts exist.
/// It lives in a cookie so a reload or a new circuit keeps it.
/// </summary>
public sealed class Reviewer(string? name)
{
    public const string CookieName = "cc-reviewer";
    public const int MaxLength = 100;

    public string? Name { get; private set; } = Clean(name);

    public bool HasName => Name is not null;

    /// <summary>Raised after <see cref="Rename"/>, so pages showing the name to others (presence) can update it.</summary>
    public event Action? Renamed;

    public void Rename(string? name)
    {
        Name = Clean(name);
        Renamed?.Invoke();
    }

    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name.Trim();
        return trimmed.Length > MaxLength ? trimmed[..MaxLength] : trimmed;
    }
}
