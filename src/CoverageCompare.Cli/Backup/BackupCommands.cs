using Microsoft.Data.Sqlite;

namespace CoverageCompare.Cli.Backup;

/// <summary>
/// <c>backup --db PATH --out FILE</c>: a consistent copy through SQLite's online backup, safe while the app writes:
/// it holds only committed transactions.
/// </summary>
public sealed class BackupCommand : ICliCommand
{
    public string Name => "backup";

    public string Usage => "  coverage-compare backup --db PATH --out FILE";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (!DatabaseFiles.TryParse(args, "--out", out var database, out var target, out var usageError))
        {
            console.Error.WriteLine($"coverage-compare backup: {usageError}");
            return CommandLine.BadInput;
        }
        if (DatabaseFiles.Check(database) is { } problem)
        {
            console.Error.WriteLine($"coverage-compare backup: {database}: {problem}");
            return CommandLine.BadInput;
        }
        if (File.Exists(target))
        {
            console.Error.WriteLine($"coverage-compare backup: {target}: already exists; choose a new file so no backup is overwritten");
            return CommandLine.BadInput;
        }

        DatabaseFiles.Copy(database, target);
        console.Out.WriteLine(target);
        return CommandLine.Success;
    }
}

/// <summary>
/// <c>restore --db PATH --from FILE</c>: replaces the database with a backup after checking it, keeping the
/// current database beside it first. Stop the app before restoring.
/// </summary>
public sealed class RestoreCommand(TimeProvider clock) : ICliCommand
{
    public string Name => "restore";

    public string Usage => "  coverage-compare restore --db PATH --from FILE";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (!DatabaseFiles.TryParse(args, "--from", out var database, out var backup, out var usageError))
        {
            console.Error.WriteLine($"coverage-compare restore: {usageError}");
            return CommandLine.BadInput;
        }
        if (DatabaseFiles.Check(backup) is { } problem)
        {
            console.Error.WriteLine($"coverage-compare restore: {backup}: {problem}");
            return CommandLine.BadInput;
        }

        if (File.Exists(database))
        {
            var kept = $"{database}.before-restore-{clock.GetUtcNow():yyyyMMddHHmmss}";
            DatabaseFiles.Copy(database, kept);
            console.Out.WriteLine($"kept the current database as {kept}");
        }
        DatabaseFiles.Copy(backup, database);
        console.Out.WriteLine($"restored {database} from {backup}");
        return CommandLine.Success;
    }
}

internal static class DatabaseFiles
{
    public const string PostgresAdvice =
        "these commands copy SQLite files only; on PostgreSQL use its own tools: pg_dump --format=custom --file=FILE DATABASE to back up (consistent while the app runs), pg_restore --clean --if-exists --dbname=DATABASE FILE to restore with the app stopped";

    public static bool TryParse(IReadOnlyList<string> args, string fileOption, out string database, out string file, out string? error)
    {
        (database, file, error) = ("", "", null);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--provider" && i + 1 < args.Count)
            {
                if (args[++i].Trim().ToLowerInvariant() is "postgres" or "postgresql" or "npgsql")
                {
                    error = PostgresAdvice;
                    return false;
                }
                if (!args[i].Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase))
                {
                    error = $"--provider must be Sqlite or Postgres, not '{args[i]}'";
                    return false;
                }
            }
            else if (args[i] == "--connection")
            {
                error = PostgresAdvice;
                return false;
            }
            else if (args[i] == "--db" && i + 1 < args.Count) database = args[++i];
            else if (args[i] == fileOption && i + 1 < args.Count) file = args[++i];
            else
            {
                error = $"unexpected argument '{args[i]}'";
                return false;
            }
        }
        error = database.Length == 0 ? "--db PATH is required" : file.Length == 0 ? $"{fileOption} FILE is required" : null;
        return error is null;
    }

    /// <summary>Why the file cannot serve as a CoverageCompare database, or null when it can.</summary>
    public static string? Check(string path)
    {
        if (!File.Exists(path)) return "no such file";
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            if (Scalar(connection, "PRAGMA quick_check;") is not "ok") return "the database is damaged (quick_check failed)";
            return Scalar(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") is null
                ? "not a CoverageCompare database (it has no migration history)"
                : null;
        }
        catch (SqliteException exception)
        {
            return $"not a readable SQLite database ({exception.SqliteErrorCode})";
        }
    }

    /// <summary>SQLite's online backup: page by page, consistent even while another connection writes.</summary>
    public static void Copy(string source, string target)
    {
        using var from = Open(source, SqliteOpenMode.ReadOnly);
        using var to = Open(target, SqliteOpenMode.ReadWriteCreate);
        from.BackupDatabase(to);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
