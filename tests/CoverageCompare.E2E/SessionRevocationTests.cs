using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>An open page whose sign-in is ended elsewhere closes its live connection and says so (issue 13, finding 4).</summary>
[Collection(AppCollection.Name)]
public sealed class SessionRevocationTests(AppFixture app)
{
    [Fact]
    public async Task SigningOutOnAnotherDeviceEndsTheOpenPagesCircuit()
    {
        var (laptop, user) = await Accounts.NewUserAsync(app, "Rev Ocation");
        await laptop.GotoAsync("/workspaces");
        await AppFixture.WaitForCircuitAsync(laptop);
        await Assertions.Expect(laptop.GetByTestId("signed-in-as")).ToHaveTextAsync(user.Name);

        var phone = await app.NewPageAsync();
        await phone.GotoAsync("/account/login?returnUrl=%2F");
        await Accounts.SignInOnThisPageAsync(phone, app, user, "/");
        // Once the circuit is up, signing out is an item of the account menu.
        await AppFixture.WaitForCircuitAsync(phone);
        await phone.GetByTestId("signed-in-as").ClickAsync();
        await phone.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("sign-in-link")).ToBeVisibleAsync();

        // The laptop did nothing: its circuit noticed on its own and reloaded to the sign-in page, signed out.
        await Assertions.Expect(laptop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?notice=signed-out"));
        await Assertions.Expect(laptop.GetByTestId("login-notice")).ToContainTextAsync("You were signed out");
        await Assertions.Expect(laptop.GetByTestId("sign-in-link")).ToBeVisibleAsync();
    }
}
