using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>The go command's module downloads and installs.</summary>
public static class Go
{
    /// <summary>Build flags that take a value (<c>-tags x</c>, <c>-ldflags "..."</c>, <c>-o out</c>); go writes them with one or two dashes.</summary>
    public static readonly IReadOnlyCollection<string> ValueFlags = new HashSet<string>(StringComparer.Ordinal)
    {
        "o", "p", "C", "tags", "ldflags", "gcflags", "asmflags", "gccgoflags", "mod", "modfile", "overlay", "pgo", "pkgdir",
        "toolexec", "buildmode", "compiler", "installsuffix", "exec", "covermode", "coverpkg", "debug-actiongraph",
        "debug-trace", "debug-runtime-trace",
    };

    /// <summary>Non-flag words (everything after <c>--</c>: go run's program arguments); flag values before the package are skipped.</summary>
    public static IReadOnlyList<ShellWord> Positionals(IReadOnlyList<ShellWord> args)
    {
        var result = new List<ShellWord>();
        for (int i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word.Value == "--")
            {
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

    internal static PackageCall? Classify(ShellCommand command)
    {
        var p = Positionals(command.Arguments);
        if (p.Count == 0) return null;
        if (p[0].Value == "mod" && p.Count > 1 && p[1].Value == "download")
        {
            return PackageManagers.Call("go", PackageOp.Install, command, "go", command.Arguments, p, 2);
        }
        return p[0].Value is "get" or "install" ? PackageManagers.Call("go", PackageOp.Install, command, "go", command.Arguments, p, 1) : null;
    }

    /// <summary>As hadolint (DL3062): <c>module@version</c> (not <c>@latest</c> or <c>@none</c>), local paths and .go files are pinned.</summary>
    public static bool IsPinned(string package)
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
}
