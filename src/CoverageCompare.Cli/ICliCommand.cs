namespace CoverageCompare.Cli;

public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line per form of the command, shown by <c>--help</c> and after a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the command and returns the process exit code (0 success, 1 partial failure, 2 bad usage or input).</summary>
    int Run(IReadOnlyList<string> args, CliConsole console);
}
