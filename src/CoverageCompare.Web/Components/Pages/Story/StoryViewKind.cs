namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>The story page's views; each has an address of its own so it can be handed out.</summary>
public enum StoryViewKind { Columns, Matrix, Framing }

public static class StoryViews
{
    public static string Href(int storyId, StoryViewKind kind) => kind switch
    {
        StoryViewKind.Matrix => $"/stories/{storyId}/matrix",
        StoryViewKind.Framing => $"/stories/{storyId}/framing",
        _ => $"/stories/{storyId}",
    };

    public static StoryViewKind FromPath(string path)
    {
        path = path.TrimEnd('/');
        return path.EndsWith("/matrix", StringComparison.Ordinal) ? StoryViewKind.Matrix
            : path.EndsWith("/framing", StringComparison.Ordinal) ? StoryViewKind.Framing
            : StoryViewKind.Columns;
    }
}
