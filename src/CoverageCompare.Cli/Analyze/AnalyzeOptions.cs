namespace CoverageCompare.Cli.Analyze;

internal enum OutputFormat { Json, Text }

internal sealed record AnalyzeOptions(IReadOnlyList<string> Files, OutputFormat? Format, string? OutPath, string? Batch, bool NoModel = false)
{
    public static AnalyzeOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var files = new List<string>();
        OutputFormat? format = null;
        string? outPath = null;
        string? batch = null;
        var noModel = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Count)
                {
                    return args[++i];
                }
                return null;
            }
            switch (arg)
            {
                case "--format":
                    format = Value() switch
                    {
                        "json" => OutputFormat.Json,
                        "text" => OutputFormat.Text,
                        var other => null,
                    };
                    if (format is null)
                    {
                        error = "--format takes json or text";
                        return null;
                    }
                    break;
                case "--out":
                    outPath = Value();
                    if (outPath is null)
                    {
                        error = "--out takes a path";
                        return null;
                    }
                    break;
                case "--batch":
                    batch = Value();
                    if (batch is null)
                    {
                        error = "--batch takes a manifest path";
                        return null;
                    }
                    break;
                case "--no-model":
                    noModel = true;
                    break;
                case "--":
                    files.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        error = $"unknown option {arg}";
                        return null;
                    }
                    files.Add(arg);
                    break;
            }
        }
        if (batch is null && files.Count == 0)
        {
            error = "give at least one article file, or --batch MANIFEST.jsonl";
            return null;
        }
        if (batch is not null && files.Count > 0)
        {
            error = "--batch takes its files from the manifest; do not also list files";
            return null;
        }
        return new AnalyzeOptions(files, format, outPath, batch, noModel);
    }
}
