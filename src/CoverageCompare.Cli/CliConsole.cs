namespace CoverageCompare.Cli;

/// <summary>Where a command writes. <see cref="OutputIsTerminal"/> picks the default output format.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutputIsTerminal)
{
    public static CliConsole FromProcess() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);
}
