using ContainerOpt.Cli.Commands;

namespace ContainerOpt.Cli;

/// <summary>Entry point shared by the tool and the tests (which run it in process).</summary>
public static class CliApp
{
    public const string Usage = """
        containeropt — Dockerfile analysis for .NET teams

        Usage:
          containeropt lint PATH... [--format FORMAT] [--no-color] [--project X.csproj] [--context DIR] [--config FILE] [--verbose]
              Lint Dockerfiles (a folder is searched for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile).
              --format: tty (default on a terminal; coloured unless NO_COLOR or --no-color), msbuild (alias text; the default
              otherwise), json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif, github.
              RUN scripts are also checked by ShellCheck when shellcheck is on PATH (--verbose says which one, or that none was found).
              --project evaluates the .NET project (with your SDK's MSBuild) for the .NET rules;
              --context is the build context (default: the Dockerfile's folder) whose .dockerignore counts;
              --config names a .hadolint.yaml or containeropt.yaml (default: found beside the Dockerfile or in the context).
              Exit 0: no error-severity finding; 1: at least one; 2: usage or I/O problem.
          containeropt generate --project X.csproj [--output DIR] [--force] [--cache-mount] [--family alpine|noble-chiseled]
              Write the optimized Dockerfile (beside the project) and .dockerignore (in the build context);
              existing files are never replaced without --force.
          containeropt layers IMAGE|ARCHIVE.tar|OCI-DIR [--dockerfile F] [--target STAGE] [--format text|json]
                              [--builder auto|docker|buildx|podman] [--platform OS/ARCH]
                              [--max-size 500MB] [--max-wasted 10MB] [--min-efficiency 0.95] [--no-compressed-size]
              Every layer: size, compressed size, the Dockerfile line that made it, the bytes wasted (overwritten,
              deleted or left in caches), the largest files; an IMAGE is read from the local engine (docker save).
              Exit 0: within the gates; 1: a gate failed; 2: usage, engine or archive problem.
          containeropt rules [--format text|json]
              Every rule: code, name, default severity, title, hadolint/BuildKit equivalents.
          containeropt parse PATH [--format buildkit|json]
              Print the syntax tree: BuildKit's AST dump, or JSON with exact spans.
          containeropt --version | --help
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                stdout.WriteLine(Usage);
                return args.Length == 0 ? ExitCodes.UsageOrIo : ExitCodes.Success;
            }
            if (args[0] is "--version" or "version")
            {
                stdout.WriteLine(Version);
                return ExitCodes.Success;
            }
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "lint" => LintCommand.Run(rest, stdout, stderr),
                "parse" => ParseCommand.Run(rest, stdout, stderr),
                "rules" => RulesCommand.Run(rest, stdout, stderr),
                "generate" => GenerateCommand.Run(rest, stdout, stderr),
                "layers" => LayersCommand.Run(rest, stdout, stderr),
                "fix" => FixCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"Unknown command '{args[0]}'."),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"containeropt: {e.Message}");
            stderr.WriteLine("Run 'containeropt --help' for usage.");
            return ExitCodes.UsageOrIo;
        }
    }

    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
