using CoverageCompare.Web.Accounts.Passwords;

namespace CoverageCompare.Web.Tests.Accounts;

/// <summary>Guessable passwords are refused with a message, whatever their length: issue 13, finding 10.</summary>
public sealed class PasswordRuleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("aaaaaaaaaa")]
    [InlineData("1234567890")]
    [InlineData("password12")]
    public async Task TheIssuesPasswordsAreRefusedAtRegistrationWithAClearMessage(string password)
    {
        var response = await TestAccounts.RegisterAsync(fixture.Factory.AnonymousClient(), "Wes Weak", $"wes.{Guid.NewGuid():N}@example.test", password);

        Assert.Contains("That password is too easy to guess", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("qwertyuiop")] // on the list, and a keyboard row
    [InlineData("iloveyou123")] // a common password followed by digits
    [InlineData("abcdefghijkl")] // a run
    [InlineData("0987654321")] // a run backwards
    [InlineData("abcabcabcabc")] // a short group repeated
    [InlineData("asdfghjkl;'")] // a keyboard walk
    [InlineData("Sunshine2024!")] // a common word, digits and a symbol
    [InlineData("PASSWORD1234")] // case does not help
    public void CommonPasswordsAndPatternsAreGuessable(string password) => Assert.True(CommonPasswordValidator.IsGuessable(password));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("a long enough password")]
    [InlineData("tram vote on thursday night")]
    [InlineData("Zq8#mW2r!xLp")]
    public void LongerUnpredictablePasswordsPass(string password) => Assert.False(CommonPasswordValidator.IsGuessable(password));

    [Fact]
    public void TheAccountsOwnEmailOrNameIsGuessable()
    {
        Assert.True(CommonPasswordValidator.IsGuessable("rosa.reporter@example.test", "rosa.reporter@example.test"));
        Assert.True(CommonPasswordValidator.IsGuessable("Rosa Reporter", displayName: "Rosa Reporter"));
    }

    [Fact]
    public async Task AChangedPasswordIsCheckedToo()
    {
        var account = await fixture.Factory.CreateAccountAsync("Cal Change");
        var client = await fixture.Factory.SignedInClientAsync(account);
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/account/password");

        var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = "password12",
            ["Input.ConfirmPassword"] = "password12",
        }));

        var page = await changed.Content.ReadAsStringAsync();
        Assert.Contains("That password is too easy to guess", page);
        Assert.DoesNotContain("Your password has been changed.", page);
    }
}
