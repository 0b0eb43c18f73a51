using System.Text;

namespace CoverageCompare.Web.Sessions;

/// <summary>
/// Who a viewer is to the others in a story: a stable key (the same person gets the same key in every tab),
/// the name shown, and a colour taken from the key so it does not change between visits or servers.
/// </summary>
public sealed record SessionViewer(string Key, string Name, string Colour)
{
    public const int MaxKeyLength = 200;

    // Each has at least 3:1 contrast against the white page, as a non-text mark needs; the name is always shown beside it.
    public static readonly IReadOnlyList<string> Palette =
        ["#0b6fb8", "#b34700", "#0a7d55", "#a3367f", "#6a4fc2", "#c0392b", "#7a6400", "#55606e"];

    public static SessionViewer Create(string key, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (key.Length > MaxKeyLength) key = key[..MaxKeyLength];
        return new(key, name.Trim(), ColourOf(key));
    }

    /// <summary>FNV-1a over the key's UTF-8 bytes: string.GetHashCode is randomised per process, which would give the same person a different colour on another server.</summary>
    public static string ColourOf(string key)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return Palette[(int)(hash % (uint)Palette.Count)];
    }
}

/// <summary>One open connection to a story: a viewer in one tab, and the claim they are looking at, if any.</summary>
public sealed record SessionPresence(string ConnectionId, SessionViewer Viewer, string? ClaimId, DateTimeOffset JoinedAt);
