using CoverageCompare.Cli;
using CoverageCompare.Cli.Analyze;

// Each subcommand is one ICliCommand; add new ones (import, export) to this list.
ICliCommand[] commands = [new AnalyzeCommand()];

return CommandLine.Run(commands, args, CliConsole.FromProcess());
