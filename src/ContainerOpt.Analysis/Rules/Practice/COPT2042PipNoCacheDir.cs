using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3042: <c>pip install</c> (pip, pip3, pip3.12, <c>python -m pip install</c>) without
/// <c>--no-cache-dir</c> (or an abbreviation pip accepts: <c>--no-cache</c>). Not reported when PIP_NO_CACHE_DIR is set to a true value: by ENV or ARG in the
/// stage (or inherited from the stage it builds on), on the command or on a shell it runs in
/// (<c>PIP_NO_CACHE_DIR=1 pip ...</c>, <c>env PIP_NO_CACHE_DIR=1 sh -c "pip ..."</c>), or by <c>export</c>
/// earlier in the RUN; nor for pipx and pipenv, nor under a cache or tmpfs mount on <c>.cache/pip</c>.
/// Once per RUN, at the first such pip.
/// </summary>
public sealed class COPT2042PipNoCacheDir : DockerfileRule
{
    private const string Variable = "PIP_NO_CACHE_DIR";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PipNoCacheDir;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            // A RUN without a pip install (most) is passed over before its environment and each command's are looked at.
            if (!HasPipInstall(run) || run.HasCacheMountContaining(tmpfsToo: true, ".cache/pip")
                || (run.Instruction.Scope.TryGetValue(Variable, out var inherited) && IsTruthy(inherited)))
            {
                continue;
            }
            bool exported = false;
            foreach (var item in run.Commands)
            {
                var command = item.Command;
                // export PIP_NO_CACHE_DIR=1 && ..., or PIP_NO_CACHE_DIR=1 sh -c "pip install ...": set for what follows.
                if ((command.Is("export") && command.Arguments.Any(a => SetsTruthy(a.Value)))
                    || (ShellFacts.IsPosixShell(command) && command.Assignments.Any(a => SetsTruthy(a.Value))))
                {
                    exported = true;
                }
                if (!exported && IsPipInstall(command) && !Facts.Pip.DisablesCache(command) && !command.Assignments.Any(a => SetsTruthy(a.Value)))
                {
                    context.Report(item.NameSpan);
                    break;
                }
            }
        }
    }

    private static bool HasPipInstall(RunStep run)
    {
        var scripts = run.Scripts;
        for (int s = 0; s < scripts.Count; s++)
        {
            foreach (var command in scripts[s].Script.CommandArray)
            {
                if (IsPipInstall(command))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsPipInstall(ShellCommand command)
    {
        if (command.Name is not { Length: >= 3 } name || name[0] != 'p')
        {
            return false; // neither pip... nor python...: the first letter tells most commands apart
        }
        var args = command.Arguments;
        if (command.Name.StartsWith("pip", StringComparison.Ordinal))
        {
            // pipx and pipenv install into their own environments.
            return !command.Name.StartsWith("pipx", StringComparison.Ordinal) && !command.Name.StartsWith("pipenv", StringComparison.Ordinal)
                && args.Any(a => a.Value == "install");
        }
        if (command.Name.StartsWith("python", StringComparison.Ordinal))
        {
            for (int i = 0; i + 1 < args.Count; i++)
            {
                if (args[i].Value == "-m")
                {
                    return args[i + 1].Value == "pip" && args.Skip(i + 2).Any(a => a.Value == "install");
                }
            }
        }
        return false;
    }

    private static bool SetsTruthy(string assignment) =>
        assignment.StartsWith(Variable + "=", StringComparison.Ordinal) && IsTruthy(assignment.Substring(Variable.Length + 1));

    private static bool IsTruthy(string value) =>
        value.Trim().ToLowerInvariant() is "1" or "true" or "on" or "yes";
}
