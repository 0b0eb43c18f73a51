using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Demo;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Components.Pages.Story;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests;

internal static class DemoComparison
{
    public static async Task<(StoryView Story, Comparison Comparison)> LoadAsync(IServiceProvider services)
    {
        var (story, analysis) = await LoadAnalysisAsync(services);
        return (story, Comparison.Build(story, analysis));
    }

    public static async Task<(StoryView Story, StoryAnalysis Analysis)> LoadAnalysisAsync(IServiceProvider services)
    {
        var stories = services.GetRequiredService<StoryStore>();
        var demoId = (await stories.ListAsync([Workspace.DemoId])).Single(s => s.Title == DemoStory.Title).Id;
        var story = (await stories.GetAsync(demoId))!;
        return (story, (await services.GetRequiredService<AnalysisStore>().GetAsync(demoId))!);
    }
}
