using Bunit;
using Bunit.TestDoubles;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Home;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>Starting a story from the home page: the title and the workspace are Mud fields; the store decides.</summary>
public sealed class HomeTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task AnEditorOfTwoWorkspacesStartsAStoryInTheOneChosenAndABlankTitleIsRefused()
    {
        var ada = await App.Factory.CreateAccountAsync("Ada Home");
        var desk = (await App.Factory.Services.GetRequiredService<WorkspaceStore>().CreateAsync(ada.UserId, "Tram desk")).Value;
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = Context.Render<Home>(p => p.AddCascadingValue(new Reviewer(ada.UserId, ada.Name)));
        cut.WaitForElement("[data-testid=new-story-workspace]");

        Context.Choose(popovers, cut.Find("[data-testid=new-story-workspace]"), "Tram desk");
        cut.Find("[data-testid=new-story-title]").Change("   ");
        await cut.Find("form.new-story").SubmitAsync();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("[data-testid=form-message]").TextContent.Trim()));
        var navigation = Context.Services.GetRequiredService<BunitNavigationManager>();
        Assert.DoesNotContain("/stories/", navigation.Uri);

        cut.Find("[data-testid=new-story-title]").Change("Tram fares");
        await cut.Find("form.new-story").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Matches(@"/stories/\d+$", navigation.Uri));
        var storyId = int.Parse(navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..]);
        var story = await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(storyId);
        Assert.Equal(("Tram fares", desk), (story!.Title, story.WorkspaceId));
    }

    [Fact]
    public void AGuestIsOfferedNoFormButAnAccount()
    {
        var cut = Context.Render<Home>(p => p.AddCascadingValue(Reviewer.Anonymous));

        cut.WaitForAssertion(() => Assert.Contains("/account/register", cut.Markup));
        Assert.Empty(cut.FindAll("form.new-story"));
    }
}
