using CoverageCompare.Cli;
using CoverageCompare.Cli.Analyze;
using CoverageCompare.Cli.Framing;
using CoverageCompare.Cli.Import;

// Each subcommand is one ICliCommand; add new ones (import, export) to this list.
ICliCommand[] commands = [new AnalyzeCommand(), new FramingCommand(), new ImportCommand()];

return CommandLine.Run(commands, args, CliConsole.FromProcess());
