using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3003: <c>cd</c> in a RUN where a WORKDIR could do the same: chained, in a heredoc, reported once
/// per RUN at the first such <c>cd</c>. A <c>cd</c> WORKDIR cannot express is not reported: into a directory the
/// script computes (<c>cd "$(mktemp -d)"</c>, <c>cd /tmp/node-v*</c>, <c>cd $dir</c> after <c>dir=...</c>), or
/// back (<c>cd -</c>, <c>cd</c> alone). A variable the Dockerfile defines (<c>cd $APP_HOME</c>) is fine for WORKDIR.
/// </summary>
public sealed class COPT2003UseWorkdirNotCd : DockerfileRule
{
    private static readonly Regex Variable = new(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UseWorkdirNotCd;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("cd"))
        {
            return; // a file without cd (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var at in run.Named("cd"))
            {
                if (WorkdirCouldDoIt(run, at))
                {
                    context.Report(at.NameSpan);
                    break;
                }
            }
        }
    }

    private static bool WorkdirCouldDoIt(RunStep run, StepCommand at)
    {
        var target = at.Command.Arguments.FirstOrDefault(a => !a.IsFlag);
        if (target is null || target.Value == "-")
        {
            return false;
        }
        if (target.Raw.Contains("$(") || target.Raw.Contains('`') || (!target.IsQuoted && target.Value.IndexOfAny(new[] { '*', '?', '[' }) >= 0))
        {
            return false;
        }
        // Only variables of the Dockerfile (ARG/ENV, not set by the script itself) expand the same way in WORKDIR.
        string text = at.Script.Script.Text;
        foreach (Match m in Variable.Matches(target.Raw))
        {
            string name = m.Groups[1].Value;
            if (!run.Instruction.Scope.TryGetValue(name, out _) || Regex.IsMatch(text, @"(^|[\s;&|(])(export\s+|local\s+|readonly\s+)?" + name + "=", RegexOptions.CultureInvariant)
                || Regex.IsMatch(text, @"\b(read|for)\s+(-\S+\s+)*" + name + @"\b", RegexOptions.CultureInvariant))
            {
                return false;
            }
        }
        return true;
    }
}
