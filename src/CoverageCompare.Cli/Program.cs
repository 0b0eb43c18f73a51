using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Cli;
using CoverageCompare.Cli.Agreement;
using CoverageCompare.Cli.Analyze;
using CoverageCompare.Cli.Backup;
using CoverageCompare.Cli.Evaluate;
using CoverageCompare.Cli.Framing;
using CoverageCompare.Cli.Import;

// Each subcommand is one ICliCommand.
// The sentence model loads on first use only, so the other commands never pay for it.
using var encoder = new MiniLmEncoder();
ICliCommand[] commands = [new AnalyzeCommand(encoder), new FramingCommand(), new ImportCommand(), new BackupCommand(), new RestoreCommand(TimeProvider.System), new EvaluateCommand(encoder), new AgreementCommand(encoder)];

return CommandLine.Run(commands, args, CliConsole.FromProcess());
