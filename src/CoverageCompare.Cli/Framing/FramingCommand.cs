using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Framing;
using CoverageCompare.Cli.Analyze;

namespace CoverageCompare.Cli.Framing;

/// <summary><c>framing FILE...</c>: the framing figures of each file, in the order given, and the facts they share, as JSON.</summary>
public sealed class FramingCommand : ICliCommand
{
    public string Name => "framing";

    public string Usage => "  coverage-compare framing FILE [FILE ...]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var option = args.FirstOrDefault(a => a.StartsWith('-'));
        if (args.Count == 0 || option is not null)
        {
            console.Error.WriteLine(option is null ? "coverage-compare framing: give at least one article file" : $"coverage-compare framing: unknown option '{option}'");
            return CommandLine.BadInput;
        }
        var articles = ArticleFiles.Load(args, path => path, out var error);
        if (articles is null)
        {
            console.Error.WriteLine($"coverage-compare framing: {error}");
            return CommandLine.BadInput;
        }
        var inputs = articles.Select(a => a.Input).ToArray();
        var report = new FramingAnalyzer().Measure(inputs, new StoryAnalyzer().Analyze(inputs));
        console.Out.Write(FramingJson.Serialize(articles.Select(a => a.Listing).ToArray(), report) + "\n");
        return CommandLine.Success;
    }
}
