using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// A RUN whose last command only changes the RUN's own shell: <c>export</c>, <c>source</c> / <c>.</c>, <c>cd</c>,
/// <c>alias</c>, <c>unset</c>. Each RUN starts a new shell, so the change ends with it: <c>RUN export PATH=...</c> does
/// nothing for later instructions (and its value still lands in the image history). Reported at the command; POSIX
/// shells only; a command inside <c>$(...)</c> or <c>sh -c</c> does not count.
/// </summary>
public sealed class COPT1202ShellStateLost : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ShellStateLost;

    /// <summary>A cd that ends the RUN is the clearest case of hadolint's DL3003: one finding.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2003" };

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            // The shell scripts of the RUN: its command line, or a heredoc body run by the RUN's shell.
            RunScript? script = null;
            for (int i = run.Scripts.Count - 1; i >= 0 && script is null; i--)
            {
                script = run.Scripts[i].Script.Commands.Count > 0 ? run.Scripts[i] : null;
            }
            if (script is null || (script.Heredoc is not null && run.Scripts[0].Script.Commands.Count > 0))
            {
                continue; // RUN python3 <<EOF: the body is not the shell's
            }
            ShellCommand? last = null;
            var commands = script.Script.Commands;
            for (int i = commands.Count - 1; i >= 0 && last is null; i--)
            {
                last = commands[i].Depth == 0 ? commands[i] : null;
            }
            if (last is null || last.PrecedingOperator is ShellOperator.Pipe or ShellOperator.Background || last.IsInPipeline)
            {
                continue;
            }
            string? fix = last.Name switch
            {
                "export" when last.Arguments.Any(a => !a.IsFlag) => ExportFix(last),
                "source" or "." when last.Arguments.Count > 0 => "Run what needs it in the same RUN ('. " + last.Arguments[0].Value + " && <command>'), or set what it sets with ENV",
                "cd" => "Use WORKDIR to change the directory of later instructions",
                "alias" or "unset" => "Remove it, or do what needs it in the same RUN",
                _ => null,
            };
            if (fix is null)
            {
                continue;
            }
            string history = last.Name == "export" ? ", while its value still lands in the image history" : "";
            context.Report(script.SpanOf(last), Display(last), history, fix);
        }
    }

    private static string ExportFix(ShellCommand export)
    {
        var names = export.Arguments.Where(a => !a.IsFlag).Select(a => a.Value.Split('=')[0]).ToList();
        var assignment = export.Arguments.FirstOrDefault(a => a.Value.Contains('='));
        string example = assignment is null ? names[0] + "=<value>" : assignment.Value;
        return $"Use ENV {example} so later instructions see {(names.Count == 1 ? "it" : "them")} (ARG for the build only), or run what needs it in the same RUN";
    }

    private static string Display(ShellCommand command)
    {
        string text = command.Name + (command.Arguments.Count > 0 ? " " + command.Arguments[0].Value : "");
        return text.Length > 60 ? text.Substring(0, 60) + "..." : text;
    }
}
