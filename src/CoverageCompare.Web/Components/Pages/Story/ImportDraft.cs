using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>A read article waiting for the person to check its details before it is added.</summary>
public sealed class ImportDraft(ImportCandidate candidate)
{
    public ImportCandidate Candidate { get; } = candidate;

    public string Outlet { get; set; } = candidate.Details.Outlet;

    public string Title { get; set; } = candidate.Details.Title;

    public DateOnly? PublishedOn { get; set; } = candidate.Details.PublishedOn;

    public string? Error { get; set; }

    public ImportCandidate ToCandidate() =>
        Candidate with { Details = Candidate.Details with { Outlet = Outlet, Title = Title, PublishedOn = PublishedOn } };
}
