using System.Text;
using CoverageCompare.Cli;
using CoverageCompare.Cli.Agreement;
using CoverageCompare.Cli.Import;
using CoverageCompare.Data;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoverageCompare.Analysis.Tests.Cli;

public sealed class AgreementCommandTests : IDisposable
{
    private const string Text =
        "The council approved the tram line on Monday by nine votes to four. "
        + "The line will cost 480 million pounds, the treasurer said. "
        + "Construction starts in the spring and should end in 2029.";

    private readonly string folder = Directory.CreateTempSubdirectory("coverage-agreement-").FullName;

    private string Database => Path.Combine(folder, "app.db");

    /// <summary>
    /// The same judgements as the agreement page's test: Ada Accurate, Accurate, Misleading; Bob Accurate, Inaccurate,
    /// Misleading, so α = 1 − 10/22 = 0.545 and κ = (2/3 − 1/3) / (1 − 1/3) = 0.500.
    /// </summary>
    [Fact]
    public async Task PrintsAlphaKappaTheConfusionTableAndTheDisagreeingClaim()
    {
        var storyId = int.Parse(Run("import", "--db", Database, "--story", "Tram vote", Write("a.txt", Text), Write("b.txt", "The tram was approved.")).Output.Trim());
        var annotations = new AnnotationStore(
            new PooledDbContextFactory<CoverageDbContext>(CoverageDatabase.Options(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Database}"))),
            TimeProvider.System, NullLogger<AnnotationStore>.Instance);
        var articleId = (int)Query<long>("SELECT Id FROM Articles WHERE StoryId = $id ORDER BY Position", storyId).First();
        (string Quote, string Ada, string Bob)[] judged = [("nine votes", "Accurate", "Accurate"), ("480 million pounds", "Accurate", "Inaccurate"), ("in 2029", "Misleading", "Misleading")];
        foreach (var (quote, ada, bob) in judged)
        {
            var start = Text.IndexOf(quote, StringComparison.Ordinal);
            foreach (var (author, label) in new[] { ("Ada", ada), ("Bob", bob) })
            {
                var created = await annotations.CreateAsync(storyId, new NewAnnotation(articleId, start, start + quote.Length, label, null, null, author));
                Assert.Equal(ChangeStatus.Ok, created.Status);
            }
        }

        var (code, output, error) = Run("agreement", "--db", Database, "--story", storyId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("", error);
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Equal("Krippendorff's alpha (nominal): 0.545", lines[1]);
        Assert.Contains("  Ada and Bob: 0.500 (3 claims, 67% agreed)", lines);
        Assert.Contains(lines, l => l.StartsWith("  Accurate ", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..] is ["1", "1", "0"]);
        var disputed = Assert.Single(lines.SkipWhile(l => l != "Claims the reviewers disagree on:").Skip(1), l => l.Length > 0);
        Assert.Matches($"^  /stories/{storyId}\\?claim=c\\d+ \"The line will cost 480 million pounds, the treasurer said\\.\" \\(Ada: Accurate; Bob: Inaccurate\\)$", disputed);
    }

    [Fact]
    public void UsageErrorsAndAMissingStoryExitTwo()
    {
        Assert.Equal(2, Run("agreement", "--story", "1").Code);
        Assert.Equal(2, Run("agreement", "--db", Database).Code);
        Assert.Equal(2, Run("agreement", "--db", Database, "--story", "one").Code);
        Assert.Equal(2, Run("agreement", "--db", Database, "--story", "1").Code);
        Assert.False(File.Exists(Database));

        Run("import", "--db", Database, "--story", "Tram vote", Write("a.txt", Text));
        var (code, _, error) = Run("agreement", "--db", Database, "--story", "999");
        Assert.Equal(2, code);
        Assert.Contains("no story 999", error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private List<T> Query<T>(string sql, long id)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = CommandLine.Run([new ImportCommand(), new AgreementCommand()], args, new CliConsole(output, error, OutputIsTerminal: false));
        return (code, output.ToString(), error.ToString());
    }
}
