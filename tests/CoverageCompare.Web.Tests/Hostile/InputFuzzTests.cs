using System.Net;
using System.Net.Http.Json;
using System.Text;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Hostile;

/// <summary>
/// Issue 13, finding 6: input alone gave 500s (an invitation valid for int.MaxValue days, a non-ASCII or tab character
/// in a sign-in or sign-out returnUrl). Those are checked one by one, then every API route the app maps (found the way
/// EveryRouteHasARow finds them) gets random well-shaped and ill-shaped bodies and route values as an owner: no 500.
/// </summary>
public sealed class InputFuzzTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int RequestsPerRoute = 24;

    [Fact]
    public async Task AnInvitationValidForIntMaxValueDaysIsRefusedWithAMessage()
    {
        var (owner, client) = await app.Factory.SignedInAccountAsync("Ivy Inviter");

        var response = await client.PostAsJsonAsync($"/api/workspaces/{owner.WorkspaceId}/invitations", new { role = "Commenter", validForDays = int.MaxValue });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 1 and 30 days", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    [Fact]
    public async Task SignInWithANonAsciiReturnUrlRedirectsThereEncoded()
    {
        var account = await app.Factory.CreateAccountAsync("Cafe Reader");
        var client = app.Factory.AnonymousClient();
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/account/login?returnUrl=/stories/2?q=café");

        var response = await client.PostAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/stories/2?q=café"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/stories/2?q=caf%C3%A9", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/stories/1\t", "/")]
    [InlineData("/stories/\r\nSet-Cookie: x=1", "/")]
    [InlineData("/stories/1?q=naïve 😀", "/stories/1?q=na%C3%AFve %F0%9F%98%80")]
    [InlineData("//evil.example/", "/")]
    public async Task SignOutWithAnyReturnUrlRedirectsToAnAsciiPathOnThisSite(string returnUrl, string expected)
    {
        var client = (await app.Factory.SignedInAccountAsync("Tab Leaver " + Guid.NewGuid().ToString("N")[..6])).Client;
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/");

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EveryApiRouteAnswersRandomInputWithoutA500()
    {
        var (owner, client) = await app.Factory.SignedInAccountAsync("Fuzz Owner");
        var stories = app.Factory.Services.GetRequiredService<StoryStore>();
        var storyId = (await stories.CreateAsync(owner.WorkspaceId, "Fuzzed")).Value;
        var articleId = (await stories.AddArticleAsync(storyId, new ArticleDraft(
            new ArticleDetails("Fuzz Times", "Fuzz", null, null, new DateOnly(2026, 1, 2)), "The council met next year on Monday.", Analysis.Documents.DocumentFormat.Text))).Value;
        var annotationId = (await app.Factory.Services.GetRequiredService<AnnotationStore>()
            .CreateAsync(storyId, new NewAnnotation(articleId, 4, 11, null, null, "A note.", owner.Name, owner.UserId))).Annotation!.Id;
        var checkItem = (await app.Factory.Services.GetRequiredService<Data.CheckLists.CheckListStore>()
            .AddAsync(storyId, new Data.CheckLists.NewCheckItem(articleId, 4, 11), owner.Name)).Item!;
        var known = new Known(storyId, articleId, annotationId, owner.WorkspaceId, owner.UserId, checkItem.Id, checkItem.Tasks[0].Id);

        var routes = ApiRoutes();
        Assert.True(routes.Count >= 25, $"only {routes.Count} API routes found");
        var random = new Random(1313);
        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            for (var i = 0; i < RequestsPerRoute; i++)
            {
                var path = FillRoute(pattern, known, random);
                using var request = new HttpRequestMessage(new HttpMethod(method == "ANY" ? "POST" : method), path);
                if (method is "POST" or "PUT" or "ANY") request.Content = Body(random);
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {path} {(int)response.StatusCode}: {Shorten(await request.Content!.ReadAsStringAsync())}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private List<(string Method, string Pattern)> ApiRoutes() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal)
            .ToList();

    private sealed record Known(int StoryId, int ArticleId, Guid AnnotationId, int WorkspaceId, string UserId, int ItemId, int TaskId);

    private static readonly string[] Strings =
    [
        "", " ", "a", "café", "😀", "\t", "\r\n", "\u202E", "\0", "null", "../../etc/passwd", "%00", "%2F", "<script>", "jsonld",
        "csv", "markdown", "claimreview", "Owner", "Editor", "Viewer", "Commenter", "NotARole", "9999-12-31", "0001-01-01",
        "2026-02-30", "http://10.0.0.1/", "javascript:alert(1)", new string('x', 3000), "-1", "1e308", "NaN",
    ];

    private static readonly string[] PathStrings = Strings.Where(v => v != "\0").ToArray();

    private static string FillRoute(string pattern, Known known, Random random)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.Split('/'))
        {
            if (path.Length > 0 || segment.Length > 0) path.Append('/');
            if (!segment.StartsWith('{'))
            {
                path.Append(segment);
                continue;
            }
            var name = segment.Trim('{', '}').Split(':')[0].TrimStart('*');
            var valid = random.Next(3) > 0;
            path.Append(name switch
            {
                "storyId" when valid => known.StoryId.ToString(),
                "articleId" when valid => known.ArticleId.ToString(),
                "workspaceId" when valid => known.WorkspaceId.ToString(),
                "id" when valid => known.AnnotationId.ToString(),
                "userId" when valid => known.UserId,
                "itemId" when valid => known.ItemId.ToString(),
                "taskId" when valid => known.TaskId.ToString(),
                "storyId" or "articleId" or "workspaceId" or "itemId" or "taskId" => Pick(random, ["0", "-1", "2147483647", "-2147483648", "99999999999999999999", "1.5", "abc"]),
                "id" => Pick(random, [Guid.Empty.ToString(), Guid.NewGuid().ToString(), "not-a-guid", "0"]),
                // A NUL cannot be put in a path through the test host at all (its client throws); bodies still carry it.
                _ => Uri.EscapeDataString(Pick(random, PathStrings)),
            });
        }
        return path.ToString();
    }

    private static readonly string[] Properties =
    [
        "title", "workspaceId", "fileName", "content", "outlet", "publishedOn", "url", "role", "validForDays", "token", "name",
        "label", "tags", "note", "start", "end", "articleId", "expectedVersion", "version", "labels", "exact", "prefix", "suffix",
        "author", "returnUrl",
    ];

    private static HttpContent Body(Random random)
    {
        string json;
        switch (random.Next(6))
        {
            case 0:
                return new ByteArrayContent(Enumerable.Range(0, random.Next(0, 64)).Select(_ => (byte)random.Next(256)).ToArray())
                {
                    Headers = { ContentType = new("application/json") },
                };
            case 1:
                json = Pick(random, ["", "{", "[", "null", "42", "\"text\"", "{\"title\":", "[{}]", "{\"title\":\"x\",}", new string('[', 200) + new string(']', 200),
                    "{\"a\":" + new string('[', 100) + new string(']', 100) + "}", "{\"validForDays\": 1e400}"]);
                break;
            default:
                var body = new StringBuilder("{");
                var count = random.Next(0, 6);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0) body.Append(',');
                    body.Append('"').Append(Pick(random, Properties)).Append("\":").Append(Value(random, 0));
                }
                json = body.Append('}').ToString();
                break;
        }
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    private static string Value(Random random, int depth) => random.Next(depth > 2 ? 8 : 10) switch
    {
        0 => System.Text.Json.JsonSerializer.Serialize(Pick(random, Strings)),
        1 => Pick(random, ["0", "-1", "1", "2147483647", "-2147483648", "9223372036854775807", "99999999999999999999999", "1.5", "1e308", "-0"]),
        2 => Pick(random, ["true", "false", "null"]),
        3 => "\"" + Pick(random, ["9999-12-31", "0001-01-01", "2026-13-01", "2026-02-29", "not a date"]) + "\"",
        4 => "\"" + Pick(random, ["Owner", "Editor", "Commenter", "Viewer", "Admin", "5", "-1"]) + "\"",
        5 => random.Next(2) == 0 ? "7" : "30",
        6 => "\"" + Guid.NewGuid() + "\"",
        7 => "\"some text\"",
        8 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(random, depth + 1))) + "]",
        _ => "{\"" + Pick(random, Properties) + "\":" + Value(random, depth + 1) + "}",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
