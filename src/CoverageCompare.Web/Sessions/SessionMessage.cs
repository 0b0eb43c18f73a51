using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoverageCompare.Web.Sessions;

/// <summary>
/// What one instance tells the others over NOTIFY: a story change, a viewer joining, changing or leaving, a heartbeat,
/// or a hello asking everyone to announce their viewers again. Ids and names only, never contents: a payload stays far
/// below PostgreSQL's 8,000-byte limit.
/// </summary>
public sealed record SessionMessage(
    [property: JsonPropertyName("i")] string Instance,
    [property: JsonPropertyName("t")] string Type,
    [property: JsonPropertyName("s")] int StoryId = 0,
    [property: JsonPropertyName("k")] StoryChangeKind Kind = default,
    [property: JsonPropertyName("id")] string? SubjectId = null,
    [property: JsonPropertyName("by")] string? By = null,
    [property: JsonPropertyName("o")] string? Origin = null,
    [property: JsonPropertyName("c")] string? ConnectionId = null,
    [property: JsonPropertyName("vk")] string? ViewerKey = null,
    [property: JsonPropertyName("vn")] string? ViewerName = null,
    [property: JsonPropertyName("cl")] string? ClaimId = null,
    [property: JsonPropertyName("j")] long JoinedAtMs = 0)
{
    public const string Change = "c";
    public const string Joined = "j";
    public const string Updated = "u";
    public const string Left = "l";
    public const string Heartbeat = "h";
    public const string Hello = "w";

    /// <summary>Everyone reloads everything: sent after this instance could not send some changes.</summary>
    public const string ResyncAll = "r";

    /// <summary>PostgreSQL refuses payloads of 8,000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    // Longer fields are cut, not refused: names and keys are display data, and a cut one still fits the limit.
    private const int MaxFieldLength = 300;

    public static SessionMessage ForChange(string instance, StoryChange change) =>
        new(instance, Change, change.StoryId, change.Kind, Cut(change.SubjectId), Cut(change.By), Cut(change.Origin));

    public static SessionMessage ForViewer(string instance, string type, int storyId, SessionPresence presence) =>
        new(instance, type, storyId, ConnectionId: presence.ConnectionId, ViewerKey: Cut(presence.Viewer.Key), ViewerName: Cut(presence.Viewer.Name), ClaimId: Cut(presence.ClaimId), JoinedAtMs: presence.JoinedAt.ToUnixTimeMilliseconds());

    public StoryChange ToChange() => new(StoryId, Kind, SubjectId, By, Origin);

    public SessionPresence ToPresence() =>
        new(ConnectionId!, new SessionViewer(ViewerKey ?? "", ViewerName ?? ""), ClaimId,
            DateTimeOffset.FromUnixTimeMilliseconds(JoinedAtMs));

    public string ToPayload()
    {
        var payload = JsonSerializer.Serialize(this, SessionMessageJson.Default.SessionMessage);
        // Cannot happen with fields cut to 300 characters (at most 4 bytes each); checked so a future field cannot break NOTIFY.
        return Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes
            ? payload
            : throw new InvalidOperationException($"A session message of {Encoding.UTF8.GetByteCount(payload)} bytes exceeds NOTIFY's limit.");
    }

    public static SessionMessage? FromPayload(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, SessionMessageJson.Default.SessionMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Cut(string? value) => value is { Length: > MaxFieldLength } ? value[..MaxFieldLength] : value;
}

[JsonSerializable(typeof(SessionMessage))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
internal sealed partial class SessionMessageJson : JsonSerializerContext;
