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
        var second = Write("wire.txt", "Tram vote\n\nThe council approved the tram line on Thursday.");

        var (code, output, error) = Run("import", "--db", Database, "--story", "Tram vote", first, second);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var storyId = long.Parse(output.Trim());
        Assert.Equal("Tram vote", Query<string>("SELECT Title FROM Stories WHERE Id = $id", storyId).Single());
        Assert.Equal(
            ["The Ledger|Tram approved|The council approved the tram.", "Unknown outlet|Tram vote|Tram vote\n\nThe council approved the tram line on Thursday."],
            Query<string>("SELECT Outlet || '|' || Title || '|' || Text FROM Articles WHERE StoryId = $id ORDER BY Position", storyId));
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
