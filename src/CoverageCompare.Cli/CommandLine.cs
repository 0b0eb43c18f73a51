namespace CoverageCompare.Cli;

public static class CommandLine
{
    public const int Success = 0;
    public const int PartialFailure = 1;
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<ICliCommand> commands, IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            console.Out.WriteLine("usage:");
            foreach (var command in commands)
            {
                console.Out.WriteLine(command.Usage);
            }
            return args.Count == 0 ? BadInput : Success;
        }
        var match = commands.FirstOrDefault(c => c.Name == args[0]);
        if (match is null)
        {
            console.Error.WriteLine($"coverage-compare: unknown command '{args[0]}'; try --help");
            return BadInput;
        }
        return match.Run(args.Skip(1).ToArray(), console);
    }
}
