using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4006: a pipe in a RUN while pipefail is off, so a failing command before the last one of the
/// pipeline does not fail the build. Pipefail is on under a SHELL of bash, zsh, ash (or ksh, mksh, busybox sh) with
/// <c>-o pipefail</c> (<c>["/bin/bash", "-eo", "pipefail", "-c"]</c>), after <c>set -o pipefail</c>
/// (<c>set -euo pipefail</c>, <c>set -eux -o pipefail</c>) earlier in the same shell, and inside
/// <c>bash -o pipefail -c "..."</c>. Like hadolint, <c>/bin/sh</c> (the default SHELL) with <c>-o pipefail</c> does
/// not count, and PowerShell/cmd SHELLs are skipped. Once per RUN, at the first unprotected <c>|</c>. Outside hadolint mode a
/// script whose pipes all start at <c>echo</c>/<c>printf</c> (which cannot fail) is not reported: pipefail changes nothing there.
/// </summary>
public sealed class COPT2106Pipefail : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.Pipefail;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var script in run.Scripts)
            {
                if (!script.Script.HasPipe)
                {
                    continue;
                }
                // Outside hadolint mode, a pipe whose left side cannot fail (echo "$SUM *f" | sha256sum -c -) loses nothing without pipefail.
                if (context.Options.EffectiveMode != AnalysisMode.Hadolint && OnlyPipesFromCommandsThatCannotFail(script.Script.Commands))
                {
                    continue;
                }
                var at = FirstUnprotectedPipe(script, DefaultPipefail(run, script));
                if (at is { } span)
                {
                    context.Report(span);
                    break;
                }
            }
        }
    }

    /// <summary>Whether the shell that runs the script starts with pipefail on.</summary>
    private static bool DefaultPipefail(RunStep run, RunScript script)
    {
        if (script.Heredoc is null)
        {
            // Exec form runs no SHELL: only a shell it names itself (bash -o pipefail -c) counts.
            return !run.Run.IsJsonForm && script.Shell.SupportsPipefail && script.Shell.HasPipefail;
        }
        // RUN bash -o pipefail <<EOF: the body is fed to that shell, not to the SHELL instruction's one.
        var commandLine = run.Scripts[0].Script.Commands;
        if (commandLine.Count > 0)
        {
            var shell = commandLine.FirstOrDefault(ShellFacts.IsPosixShell);
            return shell is not null && SetsPipefail(shell) && ShellFacts.SupportsPipefail(shell);
        }
        if (script.Heredoc.Content.StartsWith("#!", StringComparison.Ordinal))
        {
            return false; // run by its shebang line
        }
        return script.Shell.SupportsPipefail && script.Shell.HasPipefail;
    }

    private static bool OnlyPipesFromCommandsThatCannotFail(IReadOnlyList<ShellCommand> commands)
    {
        bool any = false;
        for (int k = 1; k < commands.Count; k++)
        {
            if (commands[k].PrecedingOperator != ShellOperator.Pipe)
            {
                continue;
            }
            var left = commands[k - 1];
            if (!left.IsAny("echo", "printf") || left.PrecedingOperator == ShellOperator.Pipe || left.Depth != commands[k].Depth
                || left.Arguments.Any(a => a.Raw.Contains("$(") || a.Raw.Contains('`')))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static TextSpan? FirstUnprotectedPipe(RunScript script, bool defaultPipefail)
    {
        var commands = script.Script.Commands;
        for (int k = 0; k < commands.Count; k++)
        {
            var piped = commands[k];
            if (piped.PrecedingOperator != ShellOperator.Pipe || IsPipefailOn(commands, k, defaultPipefail))
            {
                continue;
            }
            return PipeSpan(script, k);
        }
        // A pipe into a loop header (a | for x in ...) has no command after it: point at what is piped.
        if (commands.Any(c => c.PrecedingOperator == ShellOperator.Pipe) || defaultPipefail
            || commands.Any(c => c.Depth == 0 && c.Is("set") && SetsPipefail(c)))
        {
            return null;
        }
        var source = commands.FirstOrDefault(c => c.IsInPipeline);
        return source is null ? script.Run.Keyword.Span : script.NameSpanOf(source);
    }

    private static bool IsPipefailOn(IReadOnlyList<ShellCommand> commands, int k, bool defaultPipefail)
    {
        var piped = commands[k];
        // The sh -c "..." this command was parsed out of, if any: it does not inherit the outer options.
        int shellIndex = -1;
        for (int j = k - 1; j >= 0 && piped.Depth > 0; j--)
        {
            var candidate = commands[j];
            if (candidate.Depth < piped.Depth && ShellFacts.IsPosixShell(candidate)
                && candidate.Arguments.Any(w => w.Start == piped.Start && w.End == piped.End))
            {
                shellIndex = j;
                break;
            }
        }
        bool on;
        if (shellIndex >= 0)
        {
            var shell = commands[shellIndex];
            on = ShellFacts.SupportsPipefail(shell) && SetsPipefail(shell);
        }
        else
        {
            on = defaultPipefail;
        }
        for (int i = shellIndex + 1; i < k; i++)
        {
            var command = commands[i];
            bool sameShell = shellIndex >= 0
                ? command.Depth == piped.Depth && command.Start == piped.Start && command.End == piped.End
                : command.Depth == 0;
            if (sameShell && command.Is("set"))
            {
                if (SetsPipefail(command))
                {
                    on = true;
                }
                else if (command.HasArgument("+o") && command.HasArgument("pipefail"))
                {
                    on = false;
                }
            }
        }
        return on;
    }

    /// <summary><c>-o pipefail</c> among the options (<c>-o pipefail</c>, <c>-eo pipefail</c>, <c>-euxo pipefail</c>).</summary>
    private static bool SetsPipefail(ShellCommand command)
    {
        var args = command.Arguments;
        for (int i = 0; i + 1 < args.Count; i++)
        {
            string a = args[i].Value;
            if (a == "-c" || a == "--")
            {
                break; // what follows is the script or its arguments
            }
            if (ShellCommand.MatchesFlag(a, "o") && args[i + 1].Value == "pipefail")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The <c>|</c> (or <c>|&amp;</c>) before the piped command; its name when the operator cannot be found.</summary>
    private static TextSpan PipeSpan(RunScript script, int k)
    {
        var commands = script.Script.Commands;
        var piped = commands[k];
        string text = script.Script.Text;
        for (int j = k - 1; j >= 0; j--)
        {
            var previous = commands[j];
            if (previous.Depth != piped.Depth)
            {
                continue;
            }
            if (previous.End < piped.Start && piped.Start <= text.Length)
            {
                int bar = text.LastIndexOf('|', piped.Start - 1, piped.Start - previous.End);
                if (bar >= 0)
                {
                    int end = bar + 1 < text.Length && text[bar + 1] == '&' ? bar + 2 : bar + 1;
                    return script.SpanOf(bar, end);
                }
            }
            break;
        }
        return script.NameSpanOf(piped);
    }
}
