using CoverageCompare.Cli;
using CoverageCompare.Cli.Analyze;
using CoverageCompare.Cli.Backup;
using CoverageCompare.Cli.Evaluate;
using CoverageCompare.Cli.Framing;
using CoverageCompare.Cli.Import;

// Each subcommand is one ICliCommand.
ICliCommand[] commands = [new AnalyzeCommand(), new FramingCommand(), new ImportCommand(), new BackupCommand(), new RestoreCommand(TimeProvider.System), new EvaluateCommand()];

return CommandLine.Run(commands, args, CliConsole.FromProcess());
