using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Data.Demo;

/// <summary>Our own made-up story, with agreements, disagreements and omissions planted on purpose, so a first start has something to look at.</summary>
public static class DemoStory
{
    public const string Title = "Harbor City approves the Northshore tram";

    public static IReadOnlyList<ArticleDocument> ReadArticles()
    {
        var assembly = typeof(DemoStory).Assembly;
        var reader = new DocumentReader();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Demo.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var result = reader.Read(name, buffer.ToArray(), StoryLimits.MaxArticleBytes);
                return result.Document ?? throw new InvalidOperationException($"Demo article {name} is unreadable: {result.Error}");
            })
            .ToList();
    }

    /// <summary>Seeds the demo into the public workspace the first migration made, when no story exists at all.</summary>
    public static async Task<int?> SeedIfEmptyAsync(StoryStore stories, CancellationToken cancellationToken = default)
    {
        if (await stories.AnyAsync(cancellationToken)) return null;

        var storyId = (await stories.CreateAsync(Workspace.DemoId, Title, cancellationToken)).Value;
        foreach (var article in ReadArticles())
        {
            var details = new ArticleDetails(article.Outlet!, article.Title!, article.Author, article.Url, article.Published);
            var added = await stories.AddArticleAsync(storyId, new ArticleDraft(details, article.Text, article.Format), cancellationToken);
            if (!added.Succeeded) throw new InvalidOperationException($"Demo article {article.Title} was refused: {added.Error}");
        }
        return storyId;
    }
}
