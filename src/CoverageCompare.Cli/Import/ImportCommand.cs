using CoverageCompare.Data;
using CoverageCompare.Data.Database;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoverageCompare.Cli.Import;

/// <summary>
/// <c>import (--db PATH | [--provider Sqlite|Postgres] --connection STRING) --story TITLE [--workspace ID] FILE...</c>: adds files to the story of that title in a workspace of
/// the app's database (the public Demo workspace unless one is named; creating the story when there is none) and prints its id. Every file is checked before any is stored.
/// </summary>
public sealed class ImportCommand : ICliCommand
{
    private const long MaxFileBytes = 5 * 1024 * 1024;

    public string Name => "import";

    public string Usage => "  coverage-compare import (--db PATH | [--provider Sqlite|Postgres] --connection STRING) --story TITLE [--workspace ID] FILE [FILE ...]";

    public int Run(IReadOnlyList<string> args, CliConsole console) => RunAsync(args, console).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console)
    {
        if (!TryParse(args, out var database, out var title, out var workspaceId, out var files, out var usageError))
        {
            console.Error.WriteLine($"coverage-compare import: {usageError}");
            return CommandLine.BadInput;
        }

        // Nothing touches the database until every file has been read and checked.
        var dbFactory = new PooledDbContextFactory<CoverageDbContext>(CoverageDatabase.Options(database));
        var stories = new StoryStore(dbFactory, TimeProvider.System, NullLogger<StoryStore>.Instance);
        var importer = new ArticleImporter(new DocumentReader(), stories, NullLogger<ArticleImporter>.Instance);
        var candidates = new List<(string Path, ImportCandidate Candidate)>();
        foreach (var path in files)
        {
            if (ReadFile(path, importer, out var candidate) is { } error)
            {
                console.Error.WriteLine($"coverage-compare import: {path}: {error}");
                return CommandLine.BadInput;
            }
            candidates.Add((path, candidate!));
        }

        await CoverageDatabase.MigrateAsync(dbFactory, database);

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (!await db.Workspaces.AnyAsync(w => w.Id == workspaceId))
            {
                console.Error.WriteLine($"coverage-compare import: there is no workspace {workspaceId}");
                return CommandLine.BadInput;
            }
        }

        var storyId = (await stories.ListAsync([workspaceId])).FirstOrDefault(s => s.Title == title.Trim())?.Id;
        var existing = storyId is { } id ? (await stories.GetAsync(id))!.Articles : [];
        if (Conflict(existing, candidates) is { } conflict)
        {
            console.Error.WriteLine($"coverage-compare import: {conflict}");
            return CommandLine.BadInput;
        }

        if (storyId is null)
        {
            var created = await stories.CreateAsync(workspaceId, title);
            if (!created.Succeeded)
            {
                console.Error.WriteLine($"coverage-compare import: {created.Error}");
                return CommandLine.BadInput;
            }
            storyId = created.Value;
        }
        foreach (var (path, candidate) in candidates)
        {
            var added = await importer.AddAsync(storyId.Value, candidate);
            if (!added.Succeeded)
            {
                console.Error.WriteLine($"coverage-compare import: {path}: {added.Error}");
                return CommandLine.BadInput;
            }
        }
        console.Out.WriteLine(storyId.Value);
        return CommandLine.Success;
    }

    private static string? ReadFile(string path, ArticleImporter importer, out ImportCandidate? candidate)
    {
        candidate = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return "no such file";
            if (info.Length > MaxFileBytes) return "larger than the 5 MB limit";
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot be read ({e.GetType().Name})";
        }

        var prepared = importer.Prepare(path, bytes, MaxFileBytes);
        if (prepared.Value is null)
        {
            var name = Path.GetFileName(path);
            var reason = prepared.Error!;
            return reason.StartsWith(name, StringComparison.Ordinal) ? reason[name.Length..].TrimStart(':', ' ') : reason;
        }
        if (System.Text.Encoding.UTF8.GetByteCount(prepared.Value.Text) > StoryLimits.MaxArticleBytes)
        {
            return "its text is larger than the app's 1 MB limit per article";
        }
        candidate = prepared.Value;
        return null;
    }

    private static string? Conflict(IReadOnlyList<ArticleView> existing, List<(string Path, ImportCandidate Candidate)> candidates)
    {
        if (existing.Count + candidates.Count > StoryLimits.MaxArticlesPerStory)
        {
            return $"the story would have {existing.Count + candidates.Count} articles; a story holds at most {StoryLimits.MaxArticlesPerStory}";
        }
        var seen = existing.Select(a => StoryStore.ContentHash(a.Text)).ToHashSet();
        foreach (var (path, candidate) in candidates)
        {
            if (!seen.Add(StoryStore.ContentHash(candidate.Text))) return $"{path}: the story already has an article with the same text";
        }
        return null;
    }

    private static bool TryParse(IReadOnlyList<string> args, out DatabaseSettings database, out string title, out int workspaceId, out List<string> files, out string? error)
    {
        (database, title, workspaceId, files, error) = (null!, "", Workspace.DemoId, [], null);
        string? path = null;
        string? connection = null;
        var provider = DatabaseProvider.Sqlite;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Count:
                    path = args[++i];
                    break;
                case "--connection" when i + 1 < args.Count:
                    connection = args[++i];
                    break;
                case "--provider" when i + 1 < args.Count:
                    try
                    {
                        provider = DatabaseSettings.ParseProvider(args[++i]);
                    }
                    catch (InvalidOperationException)
                    {
                        error = $"--provider must be Sqlite or Postgres, not '{args[i]}'";
                        return false;
                    }
                    break;
                case "--story" when i + 1 < args.Count:
                    title = args[++i];
                    break;
                case "--workspace" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], out workspaceId) || workspaceId <= 0)
                    {
                        error = $"'{args[i]}' is not a workspace id";
                        return false;
                    }
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error = $"unknown or incomplete option '{option}'";
                    return false;
                default:
                    files.Add(args[i]);
                    break;
            }
        }
        error = path is not null && connection is not null ? "give --db PATH or --connection STRING, not both"
            : path is not null && provider == DatabaseProvider.Postgres ? "--db PATH names a SQLite file; for PostgreSQL give --connection STRING"
            : path is null && string.IsNullOrWhiteSpace(connection) ? "--db PATH or --connection STRING is required"
            : string.IsNullOrWhiteSpace(title) ? "--story TITLE is required"
            : files.Count == 0 ? "give at least one FILE"
            : null;
        if (error is null) database = path is not null ? new(DatabaseProvider.Sqlite, $"Data Source={path}") : new(provider, connection!);
        return error is null;
    }
}
