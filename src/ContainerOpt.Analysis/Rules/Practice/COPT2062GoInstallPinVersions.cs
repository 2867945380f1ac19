using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3062: <c>go install</c>, <c>go get</c> and <c>go run</c> of a module package without a version
/// (<c>example.com/cmd@v1.2.3</c>); <c>@latest</c> and <c>@none</c> are not versions. As hadolint, local paths
/// (<c>.</c>, <c>./cmd</c>, <c>/src/app</c>) are fine, the <c>tool</c> word of <c>go install tool</c> is not a package, and
/// for <c>go run</c> only the package is checked (later words are the program's arguments). Values of build flags
/// (<c>-tags x</c>, <c>-ldflags "..."</c>, <c>-o out</c>) and Go source files (<c>main.go</c>) are not packages.
/// </summary>
public sealed class COPT2062GoInstallPinVersions : DockerfileRule
{
    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "o", "p", "C", "tags", "ldflags", "gcflags", "asmflags", "gccgoflags", "mod", "modfile", "overlay", "pgo", "pkgdir",
        "toolexec", "buildmode", "compiler", "installsuffix", "exec", "covermode", "coverpkg", "debug-actiongraph",
        "debug-trace", "debug-runtime-trace",
    };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GoInstallPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("go"))
            {
                var positionals = Positionals(command.Arguments);
                if (positionals.Count == 0 || positionals[0].Value is not ("install" or "get" or "run"))
                {
                    continue;
                }
                string verb = positionals[0].Value;
                var packages = positionals.Skip(1).Where(p => p.Value != "tool");
                if (verb == "run")
                {
                    packages = packages.Take(1);
                }
                foreach (var package in packages)
                {
                    string name = package.Value;
                    if (!IsPinned(name))
                    {
                        int at = name.LastIndexOf('@');
                        context.Report(run.SpanOf(package), name, verb, at > 0 ? name.Substring(0, at) : name);
                    }
                }
            }
        }
    }

    internal static bool IsPinned(string package)
    {
        if (package == "." || package.StartsWith("/", StringComparison.Ordinal) || package.StartsWith(".", StringComparison.Ordinal)
            || package.EndsWith(".go", StringComparison.Ordinal))
        {
            return true;
        }
        return package.Contains('@')
            && !package.EndsWith("@latest", StringComparison.Ordinal)
            && !package.EndsWith("@none", StringComparison.Ordinal);
    }

    /// <summary>Non-flag words; go's flags are <c>-name</c> or <c>--name</c>, and the build flags that take a value skip it.</summary>
    private static List<ShellWord> Positionals(IReadOnlyList<ShellWord> args)
    {
        var result = new List<ShellWord>();
        for (int i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word.Value == "--")
            {
                // everything after is positional (go run's program arguments)
                result.AddRange(args.Skip(i + 1));
                break;
            }
            if (word.IsFlag)
            {
                string name = word.Value.TrimStart('-');
                if (!name.Contains('=') && ValueFlags.Contains(name) && result.Count < 2)
                {
                    i++;
                }
                continue;
            }
            result.Add(word);
        }
        return result;
    }
}
