using System.Text;
using CoverageCompare.Cli;
using CoverageCompare.Cli.Backup;
using CoverageCompare.Cli.Import;
using Microsoft.Data.Sqlite;

namespace CoverageCompare.Analysis.Tests.Cli;

public sealed class BackupCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("coverage-backup-").FullName;

    private string Database => Path.Combine(folder, "app.db");

    [Fact]
    public void ABackupRestoresTheDatabaseAsItWasAndKeepsTheReplacedOne()
    {
        Assert.Equal(0, Run("import", "--db", Database, "--story", "Before backup", Write("a.txt", "The first article.")).Code);
        var backup = Path.Combine(folder, "backup.db");

        var (code, output, _) = Run("backup", "--db", Database, "--out", backup);
        Assert.Equal(0, code);
        Assert.Equal(backup, output.Trim());

        Run("import", "--db", Database, "--story", "After backup", Write("b.txt", "The second article."));
        Assert.Equal(["After backup", "Before backup"], Titles(Database));

        var restored = Run("restore", "--db", Database, "--from", backup);

        Assert.Equal(0, restored.Code);
        Assert.Equal(["Before backup"], Titles(Database));
        Assert.Equal("ok", Scalar(Database, "PRAGMA integrity_check;"));
        var kept = Directory.GetFiles(folder, "app.db.before-restore-*").Single();
        Assert.Equal(["After backup", "Before backup"], Titles(kept));
    }

    [Fact]
    public void ABackupTakenWhileAWriterIsMidTransactionHoldsEveryCommittedChangeAndNothingElse()
    {
        Run("import", "--db", Database, "--story", "Committed", Write("a.txt", "Committed text."));
        using var writer = Open(Database);
        Execute(writer, "PRAGMA journal_mode=WAL;");
        // Committed but, with the writer still open, only in the -wal file: a plain file copy would miss it.
        Execute(writer, "INSERT INTO Stories (WorkspaceId, Title, CreatedAt, UpdatedAt) VALUES (1, 'Committed in the log', '2026-01-01', '2026-01-01');");
        using var transaction = writer.BeginTransaction();
        using (var insert = writer.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO Stories (WorkspaceId, Title, CreatedAt, UpdatedAt) VALUES (1, 'Uncommitted', '2026-01-01', '2026-01-01');";
            insert.ExecuteNonQuery();
        }
        var backup = Path.Combine(folder, "during-write.db");

        Assert.Equal(0, Run("backup", "--db", Database, "--out", backup).Code);
        transaction.Rollback();

        Assert.Equal(["Committed", "Committed in the log"], Titles(backup));
        Assert.Equal("ok", Scalar(backup, "PRAGMA integrity_check;"));
    }

    [Fact]
    public void RestoreRefusesAFileThatIsNotOneOfOurDatabasesAndTouchesNothing()
    {
        Run("import", "--db", Database, "--story", "Keep me", Write("a.txt", "Kept text."));
        var notADatabase = Write("notes.db", "just some text, not SQLite at all");
        var foreignDatabase = Path.Combine(folder, "foreign.db");
        using (var foreign = Open(foreignDatabase)) Execute(foreign, "CREATE TABLE Things (Id INTEGER);");

        var garbage = Run("restore", "--db", Database, "--from", notADatabase);
        var foreignResult = Run("restore", "--db", Database, "--from", foreignDatabase);

        Assert.Equal(2, garbage.Code);
        Assert.Contains(notADatabase, garbage.Error);
        Assert.Equal(2, foreignResult.Code);
        Assert.Contains("not a CoverageCompare database", foreignResult.Error);
        Assert.Equal(["Keep me"], Titles(Database));
        Assert.Empty(Directory.GetFiles(folder, "app.db.before-restore-*"));
    }

    [Fact]
    public void BackupNeverOverwritesAnExistingFile()
    {
        Run("import", "--db", Database, "--story", "Story", Write("a.txt", "Text."));
        var existing = Write("existing.db", "an earlier backup");

        var (code, _, error) = Run("backup", "--db", Database, "--out", existing);

        Assert.Equal(2, code);
        Assert.Contains("already exists", error);
        Assert.Equal("an earlier backup", File.ReadAllText(existing));
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

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Titles(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Title FROM Stories ORDER BY Title";
        using var reader = command.ExecuteReader();
        var titles = new List<string>();
        while (reader.Read()) titles.Add(reader.GetString(0));
        return titles;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        ICliCommand[] commands = [new ImportCommand(), new BackupCommand(), new RestoreCommand(TimeProvider.System)];
        var code = CommandLine.Run(commands, args, new CliConsole(output, error, OutputIsTerminal: false));
        return (code, output.ToString(), error.ToString());
    }
}
