using System.Text;
using CoverageCompare.Cli;
using CoverageCompare.Cli.Analyze;
using CoverageCompare.Cli.Import;
using Microsoft.Data.Sqlite;

namespace CoverageCompare.Analysis.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("coverage-import-").FullName;

    private string Database => Path.Combine(folder, "app.db");

    [Fact]
    public void FilesAreImportedIntoANewStoryAndItsIdIsPrinted()
    {
        var first = Write("ledger.md", "---\noutlet: The Ledger\ntitle: Tram approved\n---\n\nThe council approved the tram.");
        var second = Write("wire.txt", "Tram vote\nBy Jo Lee, Metro Wire\n\nThe council approved the tram line on Thursday.");

        var (code, output, error) = Run("import", "--db", Database, "--story", "Tram vote", first, second);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var storyId = long.Parse(output.Trim());
        Assert.Equal("Tram vote", Query<string>("SELECT Title FROM Stories WHERE Id = $id", storyId).Single());
        Assert.Equal(
            ["The Ledger|Tram approved|The council approved the tram.", "Metro Wire|Tram vote|Tram vote\nBy Jo Lee, Metro Wire\n\nThe council approved the tram line on Thursday."],
            Query<string>("SELECT Outlet || '|' || Title || '|' || Text FROM Articles WHERE StoryId = $id ORDER BY Position", storyId));
    }

    [Fact]
    public void AFileThatNamesNoOutletIsStoredWithNoOutletNeverAPlaceholder()
    {
        var (code, output, _) = Run("import", "--db", Database, "--story", "Nameless", Write("anon.txt", "The council approved the tram."));

        Assert.Equal(0, code);
        Assert.Equal([""], Query<string>("SELECT Outlet FROM Articles WHERE StoryId = $id", long.Parse(output.Trim())));
    }

    [Fact]
    public void ASecondImportWithTheSameTitleAddsToThatStory()
    {
        var first = Run("import", "--db", Database, "--story", "Same story", Write("a.txt", "First article text."));
        var second = Run("import", "--db", Database, "--story", "Same story", Write("b.txt", "Second article text."));

        Assert.Equal(first.Output, second.Output);
        Assert.Equal(2L, Query<long>("SELECT COUNT(*) FROM Articles WHERE StoryId = $id", long.Parse(first.Output.Trim())).Single());
    }

    [Fact]
    public void ABadFileStopsTheImportBeforeAnythingIsStored()
    {
        var good = Write("good.txt", "A perfectly good article.");
        var binary = Path.Combine(folder, "photo.txt");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);

        var (code, output, error) = Run("import", "--db", Database, "--story", "Refused", good, binary);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"coverage-compare import: {binary}: ", error);
        Assert.Contains("binary", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(Database));
    }

    [Theory]
    [InlineData("missing.txt", "no such file")]
    [InlineData("empty.txt", "empty")]
    [InlineData("latin1.txt", "not UTF-8")]
    [InlineData("huge.txt", "5 MB")]
    public void EachKindOfUnusableFileExitsTwoWithALineNamingIt(string name, string reason)
    {
        var path = Path.Combine(folder, name);
        switch (name)
        {
            case "empty.txt": File.WriteAllText(path, ""); break;
            case "latin1.txt": File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Café déjà vu")); break;
            case "huge.txt": File.WriteAllBytes(path, new byte[5 * 1024 * 1024 + 1]); break;
        }

        var (code, _, error) = Run("import", "--db", Database, "--story", "Bad", path);

        Assert.Equal(2, code);
        Assert.Contains(path, error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void DuplicateTextIsRefusedWithoutTouchingTheStory()
    {
        var first = Run("import", "--db", Database, "--story", "Dupes", Write("a.txt", "The same words."));
        var (code, _, error) = Run("import", "--db", Database, "--story", "Dupes", Write("b.txt", "The same words."));

        Assert.Equal(2, code);
        Assert.Contains("same text", error);
        Assert.Equal(1L, Query<long>("SELECT COUNT(*) FROM Articles WHERE StoryId = $id", long.Parse(first.Output.Trim())).Single());
    }

    [Fact]
    public void StoriesGoToThePublicDemoWorkspaceUnlessAnotherIsNamed()
    {
        var demo = Run("import", "--db", Database, "--story", "Shared title", Write("a.txt", "Article in the demo workspace."));
        Execute("INSERT INTO Workspaces (Id, Name, IsPublic, CreatedAt) VALUES (7, 'Newsroom', 0, '2026-01-01');");

        var newsroom = Run("import", "--db", Database, "--story", "Shared title", "--workspace", "7", Write("b.txt", "Article in the newsroom."));
        var demoAgain = Run("import", "--db", Database, "--story", "Shared title", "--workspace", "1", Write("c.txt", "Second article in the demo workspace."));

        Assert.Equal((0, 0, 0), (demo.Code, newsroom.Code, demoAgain.Code));
        Assert.NotEqual(demo.Output, newsroom.Output);
        Assert.Equal(demo.Output, demoAgain.Output);
        Assert.Equal(1L, Query<long>("SELECT WorkspaceId FROM Stories WHERE Id = $id", long.Parse(demo.Output.Trim())).Single());
        Assert.Equal(7L, Query<long>("SELECT WorkspaceId FROM Stories WHERE Id = $id", long.Parse(newsroom.Output.Trim())).Single());
        Assert.Equal(2L, Query<long>("SELECT COUNT(*) FROM Articles WHERE StoryId = $id", long.Parse(demo.Output.Trim())).Single());
    }

    [Theory]
    [InlineData("99", "there is no workspace 99")]
    [InlineData("0", "'0' is not a workspace id")]
    [InlineData("newsroom", "'newsroom' is not a workspace id")]
    public void AnUnknownOrMalformedWorkspaceIsRefusedAndNothingIsStored(string workspace, string message)
    {
        Run("import", "--db", Database, "--story", "Existing", Write("a.txt", "Already stored."));

        var (code, output, error) = Run("import", "--db", Database, "--story", "Elsewhere", "--workspace", workspace, Write("b.txt", "Must not be stored."));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Equal(["Existing"], Query<string>("SELECT Title FROM Stories WHERE Id > $id", 0));
        Assert.Equal(["Already stored."], Query<string>("SELECT Text FROM Articles WHERE Id > $id", 0));
    }

    [Fact]
    public void MissingOptionsAreUsageErrors()
    {
        Assert.Equal(2, Run("import", "--story", "No database", "a.txt").Code);
        Assert.Equal(2, Run("import", "--db", Database, "a.txt").Code);
        Assert.Equal(2, Run("import", "--db", Database, "--story", "No files").Code);
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

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
        var code = CommandLine.Run([new AnalyzeCommand(), new ImportCommand()], args, new CliConsole(output, error, OutputIsTerminal: false));
        return (code, output.ToString(), error.ToString());
    }
}
