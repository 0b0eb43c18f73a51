namespace CoverageCompare.Web.Sessions;

/// <summary>Who a viewer is to the others in a story: a stable key (the same person gets the same key in every tab) and the name shown.</summary>
public sealed record SessionViewer(string Key, string Name)
{
    public const int MaxKeyLength = 200;

    public static SessionViewer Create(string key, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (key.Length > MaxKeyLength) key = key[..MaxKeyLength];
        return new(key, name.Trim());
    }
}

/// <summary>One open connection to a story: a viewer in one tab, and the claim they are looking at, if any.</summary>
public sealed record SessionPresence(string ConnectionId, SessionViewer Viewer, string? ClaimId, DateTimeOffset JoinedAt);
