using Bunit;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Components.Pages.Workspaces;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>The members grid asks for role changes and removals; it never asks on behalf of someone who is not an owner.</summary>
public sealed class MembersGridTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private static readonly MemberView Ada = new("ada", "Ada", "ada@example.org", WorkspaceRole.Owner, DateTime.UtcNow);
    private static readonly MemberView Ben = new("ben", "Ben", "ben@example.org", WorkspaceRole.Editor, DateTime.UtcNow);
    private static readonly MemberView Cy = new("cy", "Cy", null, WorkspaceRole.Commenter, DateTime.UtcNow);

    [Fact]
    public void AnOwnerChangingARoleRaisesThatMemberAndThatRole()
    {
        var changes = new List<RoleChange>();
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = Render(canManage: true, currentUser: Ada, changes);
        var cysRole = Row(cut, Cy).QuerySelector("[data-testid=member-role]")!;
        Assert.Equal("commenter", cysRole.GetAttribute("value"));
        Assert.Equal("Role of Cy", cysRole.GetAttribute("aria-label"));

        Context.Choose(popovers, cysRole, "editor");

        Assert.Equal(new RoleChange(Cy, WorkspaceRole.Editor), Assert.Single(changes));
        // Choosing the role a member already has asks for nothing.
        Context.Choose(popovers, Row(cut, Ben).QuerySelector("[data-testid=member-role]")!, "editor");
        Assert.Single(changes);
        Assert.Equal(["Leave", "Remove", "Remove"], cut.FindAll("[data-testid=member-remove]").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void ANonOwnerGetsNoRoleControlsAndMayOnlyLeave()
    {
        var cut = Render(canManage: false, currentUser: Ben, []);

        Assert.Empty(cut.FindAll("[data-testid=member-role]"));
        Assert.Equal("commenter", Row(cut, Cy).QuerySelectorAll("td")[2].TextContent.Trim());
        // They may leave, and remove nobody else.
        var remove = Assert.Single(cut.FindAll("[data-testid=member-remove]"));
        Assert.Equal("Leave", remove.TextContent.Trim());
        Assert.Same(Row(cut, Ben), remove.Closest("tr"));
    }

    [Fact]
    public void RemovingAMemberRaisesThatMember()
    {
        var removed = new List<MemberView>();
        var cut = Context.Render<MembersGrid>(p => p
            .Add(g => g.Members, [Ada, Ben, Cy])
            .Add(g => g.CanManage, true)
            .Add(g => g.CurrentUserId, Ada.UserId)
            .Add(g => g.RemoveRequested, (MemberView m) => removed.Add(m)));

        Row(cut, Ben).QuerySelector("[data-testid=member-remove]")!.Click();

        Assert.Equal([Ben], removed);
    }

    private IRenderedComponent<MembersGrid> Render(bool canManage, MemberView currentUser, List<RoleChange> changes) =>
        Context.Render<MembersGrid>(p => p
            .Add(g => g.Members, [Ada, Ben, Cy])
            .Add(g => g.CanManage, canManage)
            .Add(g => g.CurrentUserId, currentUser.UserId)
            .Add(g => g.RoleChanged, (RoleChange change) => changes.Add(change)));

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MembersGrid> cut, MemberView member) =>
        cut.Find($"[data-testid=member][data-user-id='{member.UserId}']").Closest("tr")!;
}
