using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;
using ContainerOpt.Cli.Commands;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Cli;

/// <summary>
/// Entry point shared by the tool and the tests (which run it in process): the commands on System.CommandLine, which
/// gives them generated help (<c>--help</c>), <c>--version</c>, completions (the <c>[suggest]</c> directive that
/// dotnet-suggest uses) and response files (<c>@args.rsp</c>). Every usage problem — an unknown command or option, a
/// missing or bad value — is one line on standard error naming the help to read, and exit code 2.
/// </summary>
public static class CliApp
{
    public const string Name = "containeropt";

    private const string Description = "containeropt — Dockerfile analysis for .NET teams: lint Dockerfiles (ContainerOpt's, hadolint's and BuildKit's rules), "
        + "generate a project's optimized Dockerfile, report an image's layers. The same engine as the ContainerOpt.Build MSBuild package.";

    /// <summary>The commands, in the order help lists them; each built only when it can be used (see <see cref="CreateRoot"/>).</summary>
    private static readonly (string Name, string Description, Func<CliHost, Command> Create)[] Commands =
    {
        ("lint", LintCommand.Description, LintCommand.Create),
        ("parse", ParseCommand.Description, ParseCommand.Create),
        ("rules", RulesCommand.Description, RulesCommand.Create),
        ("generate", GenerateCommand.Description, GenerateCommand.Create),
        ("layers", LayersCommand.Description, LayersCommand.Create),
        ("fix", FixCommand.Description, FixCommand.Create),
    };

    /// <summary>The message a missing operand gets instead of System.CommandLine's generic one.</summary>
    private static readonly ConditionalWeakTable<Argument, string> RequiredMessages = new();

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliHost(stdout, stderr));

    internal static int Run(string[] args, CliHost host)
    {
        args = Synonyms(args);
        var root = CreateRoot(host, args.Length > 0 ? args[0] : null);
        var result = root.Parse(args);
        var command = result.CommandResult.Command;
        var problems = UsageProblems(result);
        if (problems.Count > 0)
        {
            return Usage(host.Stderr, command, problems);
        }
        try
        {
            return result.Invoke(new InvocationConfiguration
            {
                Output = host.Stdout,
                Error = host.Stderr,
                // Usage problems are caught below; any other exception is a bug, left to show as one, not as a usage message.
                EnableDefaultExceptionHandler = false,
                // The commands are synchronous and hold nothing to clean up: Ctrl+C ends the process as usual.
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException e)
        {
            return Usage(host.Stderr, command, new[] { e.Message });
        }
    }

    /// <summary>
    /// The root and its commands. Only the command named first is built with its options (a lint builds no layers
    /// options); the others stand as their name and description for the root's help. When the first argument names
    /// no command (help, completions, a typo) every command is built.
    /// </summary>
    private static RootCommand CreateRoot(CliHost host, string? first)
    {
        var root = new RootCommand(Description);
        // hadolint's -v as well as --version; the version without the commit (as the package's).
        foreach (var option in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(option);
        }
        root.Options.Add(new VersionOption("--version", "-v") { Action = new PrintVersion() });
        bool oneCommand = Commands.Any(c => c.Name == first);
        foreach (var (name, description, create) in Commands)
        {
            root.Subcommands.Add(!oneCommand || name == first ? create(host) : new Command(name, description));
        }
        root.SetAction(NoCommand);
        return root;
    }

    private static int NoCommand(ParseResult result) =>
        throw new UsageException($"name a command: {string.Join(", ", Commands.Select(c => c.Name))}.");

    /// <summary><c>help [COMMAND]</c> is <c>[COMMAND] --help</c>; <c>version</c> is <c>--version</c>.</summary>
    private static string[] Synonyms(string[] args) => args switch
    {
        ["help", .. var rest] => rest.Append("--help").ToArray(),
        ["version"] => new[] { "--version" },
        _ => args,
    };

    /// <summary>Gives a command's operand the message it gets when it is missing.</summary>
    internal static void RequiredMessage(Argument argument, string message) => RequiredMessages.AddOrUpdate(argument, message);

    /// <summary>
    /// What keeps the command line from running, one message each: System.CommandLine's parse errors, in the command's
    /// own words where it has them — a missing operand (<see cref="RequiredMessage"/>), a token no command or option
    /// takes: an unknown option or command with the nearest one, an operand too many. An operand that looks like an
    /// option before <c>--</c> is an unknown option too (<c>lint --no-fial Dockerfile</c>; a file of that name is given
    /// after <c>--</c>). Nothing when the line asks for help, the version or completions.
    /// </summary>
    private static IReadOnlyList<string> UsageProblems(ParseResult result)
    {
        var problems = new List<string>();
        var command = result.CommandResult.Command;
        if (result.Action is not ParseErrorAction && result.Action != command.Action)
        {
            return problems;
        }
        foreach (var error in result.Errors)
        {
            // System.CommandLine reports each token no one takes as an error of the command that quotes it.
            string? token = error.SymbolResult is CommandResult ? result.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'")) : null;
            if (error.SymbolResult is ArgumentResult { Tokens.Count: 0 } missing && RequiredMessages.TryGetValue(missing.Argument, out var message))
            {
                problems.Add(message);
            }
            else if (token is not null)
            {
                problems.Add(Unmatched(command, token));
            }
            else
            {
                problems.Add(error.Message);
            }
        }
        int doubleDash = IndexOf(result.Tokens, t => t.Type == TokenType.DoubleDash);
        foreach (var operand in result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens))
        {
            if (operand.Value.Length > 1 && operand.Value[0] == '-' && (doubleDash < 0 || IndexOf(result.Tokens, t => ReferenceEquals(t, operand)) < doubleDash))
            {
                problems.Add(Unmatched(command, operand.Value));
            }
        }
        return problems;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Func<Token, bool> match)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (match(tokens[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>What a token no one takes is: an unknown option, an unknown command, or an operand too many.</summary>
    private static string Unmatched(Command command, string token)
    {
        if (token.Length > 1 && token[0] == '-')
        {
            string? nearest = EditDistance.Nearest(token.Split('=', ':')[0], OptionNames(command));
            return $"Unknown option '{token}'." + (nearest is null ? "" : $" Did you mean '{nearest}'?");
        }
        if (command is RootCommand)
        {
            string? nearest = EditDistance.Nearest(token, Commands.Select(c => c.Name));
            return $"Unknown command '{token}'." + (nearest is null ? "" : $" Did you mean '{nearest}'?");
        }
        return $"Unexpected argument '{token}': {command.Name} takes {OperandsText(command)}.";
    }

    private static IEnumerable<string> OptionNames(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => c == command || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    yield return alias;
                }
            }
        }
    }

    private static string OperandsText(Command command) => command.Arguments.Count switch
    {
        0 => "no operands",
        _ => string.Join(" ", command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? a.Name + "..." : "one " + a.Name)),
    };

    private static int Usage(TextWriter stderr, Command command, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine($"{Name}: {problem}");
        }
        string path = command is RootCommand ? Name : $"{Name} {command.Name}";
        stderr.WriteLine($"Run '{path} --help' for usage.");
        return ExitCodes.UsageOrIo;
    }

    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            (parseResult.InvocationConfiguration.Output).WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
