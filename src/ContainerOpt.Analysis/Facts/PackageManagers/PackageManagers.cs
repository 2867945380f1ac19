using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Recognises package-manager commands wherever they stand in a RUN. Each manager's knowledge — its one
/// table of options that take a value, its verbs, how its packages pin a version — lives in its own file
/// (<see cref="Apt"/>, <see cref="Apk"/>, <see cref="Rpm"/>, <see cref="Zypper"/>, <see cref="Pip"/>,
/// <see cref="Npm"/>, <see cref="Gem"/>, <see cref="Go"/>, <see cref="NuGet"/>, <see cref="Maven"/>, <see cref="Pecl"/>); this is the
/// dispatch by program name.
/// </summary>
public static class PackageManagers
{
    /// <summary>The package-manager call a command is, or null.</summary>
    public static PackageCall? Classify(ShellCommand command)
    {
        switch (command.Name)
        {
            case "apt-get":
            case "apt":
            case "aptitude":
            case "add-apt-repository":
                return Apt.Classify(command);
            case "apk":
                return Apk.Classify(command);
            case "yum":
                return Rpm.Classify("yum", command);
            case "dnf":
            case "dnf5":
            case "microdnf":
            case "tdnf":
                return Rpm.Classify("dnf", command);
            case "zypper":
                return Zypper.Classify(command);
            case "npm":
                return Npm.Classify(command);
            case "yarn":
                return Npm.ClassifyYarn(command);
            case "pnpm":
                return Npm.ClassifyPnpm(command);
            case "gem":
                return Gem.Classify(command);
            case "bundle":
            case "bundler":
                return Gem.ClassifyBundle(command);
            case "dotnet":
                return NuGet.Classify(command);
            case "go":
                return Go.Classify(command);
            case "cargo":
                return OtherManagers.ClassifyCargo(command);
            case "composer":
                return OtherManagers.ClassifyComposer(command);
            case "pecl":
                return Pecl.Classify(command);
            case "pipenv":
                return Pip.ClassifyPipenv(command);
            case "poetry":
                return Pip.ClassifyPoetry(command);
            case "uv":
                return Pip.ClassifyUv(command);
            case "conda":
            case "mamba":
            case "micromamba":
                return Pip.ClassifyConda(command);
            case "mvn":
            case "mvnw":
                return Maven.Classify(command);
        }
        return Pip.IsPipProgram(command.Name) || Pip.IsPython(command.Name) ? Pip.Classify(command) : null;
    }

    /// <summary>Every package-manager call of a script, in order.</summary>
    public static IEnumerable<PackageCall> In(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            if (Classify(command) is { } call)
            {
                yield return call;
            }
        }
    }

    /// <summary><c>curl=7.88</c>, <c>flask==3.0</c>, <c>flask&gt;=3</c>, <c>express@4</c>, <c>@scope/pkg@1</c> give the bare name.</summary>
    public static string StripVersion(string package)
    {
        // One substring at most (none for a bare name): asked of every operand of every install by several rules.
        int at = package.IndexOf('@', package.StartsWith("@", StringComparison.Ordinal) ? 1 : 0);
        int end = at > 0 ? at : package.Length;
        int cut = package.IndexOfAny(VersionStarts, 0, end);
        if (cut > 0) end = cut;
        return end == package.Length ? package : package.Substring(0, end);
    }

    private static readonly char[] VersionStarts = { '=', '<', '>', '~', '!', '[', ';' };

    /// <summary>A call whose first <paramref name="verbWords"/> positionals are the verb (<c>install</c>, <c>module install</c>).</summary>
    internal static PackageCall Call(string manager, PackageOp op, ShellCommand command, string program,
        IReadOnlyList<ShellWord> arguments, IReadOnlyList<ShellWord> positionals, int verbWords)
    {
        // Loops, not LINQ: every package-manager command of every RUN is read here.
        int verbCount = Math.Min(Math.Max(verbWords, 0), positionals.Count);
        string verb = verbCount switch
        {
            0 => "",
            1 => positionals[0].Value,
            _ => JoinValues(positionals, verbCount),
        };
        int operandCount = positionals.Count - verbCount;
        var operands = operandCount == 0 ? Array.Empty<ShellWord>() : new ShellWord[operandCount];
        for (int i = 0; i < operandCount; i++)
        {
            operands[i] = positionals[verbCount + i];
        }
        return new PackageCall(manager, op, command, program, verb, arguments, positionals, operands);
    }

    /// <summary>The values of the first <paramref name="count"/> words, blank-separated.</summary>
    private static string JoinValues(IReadOnlyList<ShellWord> words, int count)
    {
        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = words[i].Value;
        }
        return string.Join(" ", values);
    }

    /// <summary>A manager whose verbs are one word: install, remove, and a one- or two-word clean.</summary>
    internal static PackageCall? Simple(ShellCommand command, string manager, OptionTable options, string[] install, string[] remove,
        string? cleanFirst = null, string? cleanSecond = null)
    {
        IReadOnlyList<ShellWord> arguments = command.Arguments; // the view boxed once, not once per use
        var p = options.Positionals(arguments);
        if (p.Count == 0) return null;
        string sub = p[0].Value;
        if (install.Contains(sub))
        {
            return Call(manager, PackageOp.Install, command, command.Name, arguments, p, 1);
        }
        if (remove.Contains(sub))
        {
            return Call(manager, PackageOp.Remove, command, command.Name, arguments, p, 1);
        }
        if (cleanFirst is not null && sub == cleanFirst && (cleanSecond is null || (p.Count > 1 && p[1].Value == cleanSecond)))
        {
            return Call(manager, PackageOp.Clean, command, command.Name, arguments, p, cleanSecond is null ? 1 : 2);
        }
        return null;
    }
}
