using CoverageCompare.Cli;
using CoverageCompare.Cli.Analyze;
using CoverageCompare.Cli.Backup;
using CoverageCompare.Cli.Framing;
using CoverageCompare.Cli.Import;

// Each subcommand is one ICliCommand.
ICliCommand[] commands = [new AnalyzeCommand(), new FramingCommand(), new ImportCommand(), new BackupCommand(), new RestoreCommand(TimeProvider.System)];

return CommandLine.Run(commands, args, CliConsole.FromProcess());
