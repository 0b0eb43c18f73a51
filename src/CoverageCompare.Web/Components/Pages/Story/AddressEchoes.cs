namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>
/// The addresses a page wrote itself (to name what is pinned) and that have not come back yet. Each returns as new
/// parameters after a browser round trip; by then the reader may have moved on (j, j, k in quick succession, or Escape
/// right after k), and acting on it would undo that. Under load several are in flight at once, so all are remembered.
/// </summary>
public sealed class AddressEchoes
{
    private const int MaxInFlight = 32;
    private readonly List<string> inFlight = [];
    private string? arrived;

    public void Wrote(string pathAndQuery)
    {
        if (inFlight.Count == MaxInFlight) inFlight.RemoveAt(0);
        inFlight.Add(pathAndQuery);
    }

    /// <summary>
    /// Whether the page's address is one this page wrote. It stays so while the page is there: parameters can be set
    /// again without a navigation, and the reader may have moved on since it was written.
    /// </summary>
    public bool IsEcho(string pathAndQuery)
    {
        if (pathAndQuery == arrived) return true;
        var index = inFlight.IndexOf(pathAndQuery);
        if (index < 0)
        {
            arrived = null;
            return false;
        }
        // The browser answers in order: whatever was written before this one came back already or never will.
        inFlight.RemoveRange(0, index + 1);
        arrived = pathAndQuery;
        return true;
    }
}
