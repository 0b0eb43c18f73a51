namespace CoverageCompare.Cli;

/// <summary>Where a command writes. <see cref="OutputIsTerminal"/> picks the default output format; <see cref="ErrorIsTerminal"/> allows a progress bar.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutputIsTerminal, bool ErrorIsTerminal = false)
{
    public static CliConsole FromProcess() => new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
