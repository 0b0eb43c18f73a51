using Bunit;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Components.Pages.Workspaces;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>Open invitations say whom they are for, and withdrawing one asks for that one.</summary>
public sealed class InvitationsGridTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public void EachInvitationSaysWhomItIsForAndWithdrawingOneRaisesItsId()
    {
        var expires = new DateTime(2026, 12, 8, 9, 30, 0, DateTimeKind.Utc);
        InvitationView forSam = new(11, WorkspaceRole.Editor, expires.AddDays(-7), expires, "Ada", "Sam");
        InvitationView forAnyone = new(12, WorkspaceRole.Viewer, expires.AddDays(-7), expires, "Ada");
        var withdrawn = new List<int>();
        var cut = Context.Render<InvitationsGrid>(p => p
            .Add(g => g.Invitations, [forSam, forAnyone])
            .Add(g => g.WithdrawRequested, (int id) => withdrawn.Add(id)));

        var rows = cut.FindAll("[data-testid=invitation]").Select(i => i.Closest("tr")!).ToList();
        Assert.Equal("Sam", rows[0].QuerySelector("[data-testid=invitation-label]")!.TextContent);
        Assert.Equal("anyone with the link", rows[1].QuerySelector(".muted")!.TextContent);
        Assert.Equal(["editor", "viewer"], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()));
        // A screen reader hears which invitation a Withdraw button is for.
        Assert.Equal(["Withdraw the invitation for Sam", "Withdraw the invitation as viewer"],
            cut.FindAll("[data-testid=invitation-withdraw]").Select(b => b.TextContent.Trim()));

        cut.FindAll("[data-testid=invitation-withdraw]")[1].Click();
        cut.FindAll("[data-testid=invitation-withdraw]")[0].Click();

        Assert.Equal([12, 11], withdrawn);
    }
}
