using System.Text.Json.Serialization;

namespace CoverageCompare.Data.Workspaces;

/// <summary>Ordered so that a higher role can do everything a lower one can. Written by name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkspaceRole>))]
public enum WorkspaceRole
{
    Viewer = 1,
    Commenter = 2,
    Editor = 3,
    Owner = 4,
}
