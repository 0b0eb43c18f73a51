using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.CheckLists;

/// <summary>A private workspace with an owner, an editor, a commenter and a viewer, an outsider, and stories of one article.</summary>
public sealed class CheckListTeam : IAsyncLifetime
{
    public const string ArticleText = "The council approved the tram on Monday by nine votes to four. The mayor said it would cost $480 million.";

    public CoverageAppFactory Factory { get; } = new();

    public TestAccount Owner { get; private set; } = default!;

    public TestAccount Editor { get; private set; } = default!;

    public TestAccount Commenter { get; private set; } = default!;

    public TestAccount Viewer { get; private set; } = default!;

    public TestAccount Outsider { get; private set; } = default!;

    public Reviewer As(TestAccount account) => new(account.UserId, account.Name);

    public async Task InitializeAsync()
    {
        await Factory.CreateAccountAsync("Install admin");
        Owner = await Factory.CreateAccountAsync("Olga Owner");
        Editor = await Factory.CreateAccountAsync("Eddie Editor");
        Commenter = await Factory.CreateAccountAsync("Cora Commenter");
        Viewer = await Factory.CreateAccountAsync("Vic Viewer");
        Outsider = await Factory.CreateAccountAsync("Otto Outsider");
        await Factory.JoinAsync(Editor, Owner.WorkspaceId, WorkspaceRole.Editor);
        await Factory.JoinAsync(Commenter, Owner.WorkspaceId, WorkspaceRole.Commenter);
        await Factory.JoinAsync(Viewer, Owner.WorkspaceId, WorkspaceRole.Viewer);
    }

    public async Task<(int StoryId, int ArticleId)> NewStoryAsync(string? url = "https://harbour.example/tram-vote", string text = ArticleText)
    {
        var stories = Factory.Services.GetRequiredService<StoryStore>();
        var storyId = (await stories.CreateAsync(Owner.WorkspaceId, "Tram vote")).Value;
        var details = new ArticleDetails("Harbour Times", "Council backs the tram", "Jo Reporter", url, new DateOnly(2026, 3, 2));
        var articleId = (await stories.AddArticleAsync(storyId, new ArticleDraft(details, text, Analysis.Documents.DocumentFormat.Text))).Value;
        return (storyId, articleId);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        CoverageAppFactory.DeleteDatabase(Factory.DatabasePath);
        return Task.CompletedTask;
    }
}
