using System.Globalization;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Agreement;
using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Data;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoverageCompare.Cli.Agreement;

/// <summary>
/// <c>agreement (--db PATH | [--provider Sqlite|Postgres] --connection STRING) --story ID [--pair NAME,NAME]</c>: the
/// figures of the story's reviewer-agreement page: Krippendorff's α, Cohen's κ per pair, a confusion table for one
/// pair (the first, unless named) and the claims the reviewers disagree on.
/// </summary>
public sealed class AgreementCommand(ISentenceEncoder? encoder = null) : ICliCommand
{
    public string Name => "agreement";

    public string Usage => "  coverage-compare agreement (--db PATH | [--provider Sqlite|Postgres] --connection STRING) --story ID [--pair NAME,NAME]";

    public int Run(IReadOnlyList<string> args, CliConsole console) => RunAsync(args, console).GetAwaiter().GetResult();

    private async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console)
    {
        if (!TryParse(args, out var database, out var storyId, out var pair, out var usageError))
        {
            console.Error.WriteLine($"coverage-compare agreement: {usageError}");
            return CommandLine.BadInput;
        }
        if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource))
        {
            console.Error.WriteLine("coverage-compare agreement: there is no database at that path");
            return CommandLine.BadInput;
        }

        var dbFactory = new PooledDbContextFactory<CoverageDbContext>(CoverageDatabase.Options(database));
        await CoverageDatabase.MigrateAsync(dbFactory, database);
        string title;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var found = await db.Stories.Where(s => s.Id == storyId).Select(s => s.Title).FirstOrDefaultAsync();
            if (found is null)
            {
                console.Error.WriteLine($"coverage-compare agreement: there is no story {storyId}");
                return CommandLine.BadInput;
            }
            title = found;
        }

        var annotations = new AnnotationStore(dbFactory, TimeProvider.System, NullLogger<AnnotationStore>.Instance);
        var analyses = new AnalysisStore(dbFactory, new StoryAnalyzer(new AnalyzerOptions { Encoder = encoder }), TimeProvider.System);
        var agreement = await new AgreementReader(annotations, analyses, new VerdictLabelStore(dbFactory)).ForStoryAsync(storyId);

        PairAgreement? chosen = null;
        if (pair is { } names)
        {
            chosen = agreement.Report.Pairs.FirstOrDefault(p =>
                (agreement.NameOf(p.A), agreement.NameOf(p.B)) == names || (agreement.NameOf(p.B), agreement.NameOf(p.A)) == names);
            if (chosen is null)
            {
                console.Error.WriteLine($"coverage-compare agreement: {names.Item1} and {names.Item2} have judged no claim in common");
                return CommandLine.BadInput;
            }
        }
        Write(console.Out, storyId, title, agreement, chosen ?? agreement.Report.Pairs.FirstOrDefault());
        return CommandLine.Success;
    }

    private static void Write(TextWriter output, int storyId, string title, StoryAgreement agreement, PairAgreement? pair)
    {
        var report = agreement.Report;
        output.WriteLine($"Story {storyId}: {title}");
        output.WriteLine($"Krippendorff's alpha (nominal): {Figure(report.Alpha)}");
        output.WriteLine($"  {report.PairableUnits} claims judged by two or more reviewers; {report.PairableValues} of {report.Judgements} verdicts by {report.Reviewers.Count} reviewers");
        output.WriteLine("Cohen's kappa per pair:");
        if (report.Pairs.Count == 0) output.WriteLine("  none: no two reviewers judged the same claim");
        foreach (var p in report.Pairs)
        {
            output.WriteLine($"  {agreement.NameOf(p.A)} and {agreement.NameOf(p.B)}: {Figure(p.Kappa)} ({p.Units} claims, {(p.Observed * 100).ToString("0", CultureInfo.InvariantCulture)}% agreed)");
        }
        if (pair is not null)
        {
            var table = agreement.Confusion(pair.A, pair.B);
            output.WriteLine($"Confusion table, {agreement.NameOf(pair.A)} (rows) against {agreement.NameOf(pair.B)} (columns):");
            var width = Math.Max(8, table.Values.Max(v => v.Length)) + 2;
            output.WriteLine("  " + new string(' ', width) + string.Concat(table.Values.Select(v => v.PadLeft(width))));
            for (var row = 0; row < table.Values.Count; row++)
            {
                output.WriteLine("  " + table.Values[row].PadRight(width) + string.Concat(table.Counts[row].Select(c => c.ToString(CultureInfo.InvariantCulture).PadLeft(width))));
            }
        }
        output.WriteLine("Claims the reviewers disagree on:");
        if (report.DisagreeingUnits.Count == 0) output.WriteLine("  none");
        foreach (var unit in report.DisagreeingUnits.Select(u => agreement.Units[u]))
        {
            var verdicts = string.Join("; ", unit.Verdicts.Select(v => $"{agreement.NameOf(v.Key)}: {v.Value}").Order(StringComparer.Ordinal));
            var address = unit.ClaimId is { } claim ? $"/stories/{storyId}?claim={claim}" : $"/stories/{storyId}?annotation={unit.Annotation}";
            output.WriteLine($"  {address} \"{unit.Text}\" ({verdicts})");
        }
    }

    private static string Figure(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "undefined";

    private static bool TryParse(IReadOnlyList<string> args, out DatabaseSettings database, out int storyId, out (string, string)? pair, out string? error)
    {
        (database, storyId, pair, error) = (null!, 0, null, null);
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
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out storyId) || storyId <= 0)
                    {
                        error = $"'{args[i]}' is not a story id";
                        return false;
                    }
                    break;
                case "--pair" when i + 1 < args.Count:
                    var names = args[++i].Split(',', StringSplitOptions.TrimEntries);
                    if (names.Length != 2 || names.Any(n => n.Length == 0))
                    {
                        error = "--pair takes two reviewer names separated by a comma";
                        return false;
                    }
                    pair = (names[0], names[1]);
                    break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'";
                    return false;
            }
        }
        error = path is not null && connection is not null ? "give --db PATH or --connection STRING, not both"
            : path is not null && provider == DatabaseProvider.Postgres ? "--db PATH names a SQLite file; for PostgreSQL give --connection STRING"
            : path is null && string.IsNullOrWhiteSpace(connection) ? "--db PATH or --connection STRING is required"
            : storyId == 0 ? "--story ID is required"
            : null;
        if (error is null) database = path is not null ? new(DatabaseProvider.Sqlite, $"Data Source={path}") : new(provider, connection!);
        return error is null;
    }
}
