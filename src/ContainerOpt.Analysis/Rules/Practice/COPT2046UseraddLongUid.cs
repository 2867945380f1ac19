using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3046: <c>useradd -u</c> with a UID of more than five digits and without <c>-l</c>
/// (<c>--no-log-init</c>): useradd then writes sparse lastlog/faillog files sized by the UID, which the
/// layer stores in full. Reported at the UID. A UID given by a variable is looked up in the stage's
/// ARG/ENV; when it cannot be resolved nothing is reported (hadolint measures the text <c>$UID</c>).
/// </summary>
public sealed class COPT2046UseraddLongUid : DockerfileRule
{
    private const string NoValueShortOptions = "DlmMNorU";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UseraddLongUid;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("useradd"))
        {
            return; // a file without useradd (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var item in run.Named("useradd"))
            {
                var useradd = item.Command;
                if (useradd.HasFlag("l", "no-log-init") || UidWord(useradd) is not { } uid)
                {
                    continue;
                }
                string value = uid.Text;
                if (uid.Word.HasExpansion)
                {
                    var expanded = context.Model.Expand(run.Instruction, value);
                    if (!expanded.Success || expanded.Unmatched.Count > 0)
                    {
                        continue;
                    }
                    value = expanded.Result;
                }
                if (value.Length > 5)
                {
                    context.Report(item.Script.SpanOf(uid.Word), value);
                    break;
                }
            }
        }
    }

    /// <summary>The word holding the UID and the UID text: <c>-u 1000</c>, <c>-u1000</c>, <c>--uid 1000</c>, <c>--uid=1000</c>.</summary>
    private static (ShellWord Word, string Text)? UidWord(ShellCommand command)
    {
        var args = command.Arguments;
        for (int i = 0; i < args.Count; i++)
        {
            string v = args[i].Value;
            if (v == "--")
            {
                break;
            }
            if (v == "--uid")
            {
                return i + 1 < args.Count ? (args[i + 1], args[i + 1].Value) : null;
            }
            if (v.StartsWith("--uid=", StringComparison.Ordinal))
            {
                return (args[i], v.Substring(6));
            }
            if (v.Length >= 2 && v[0] == '-' && v[1] != '-')
            {
                // A cluster of options without values, then u: -u 1000, -mu 1000, -u1000.
                int k = 1;
                while (k < v.Length && NoValueShortOptions.IndexOf(v[k]) >= 0)
                {
                    k++;
                }
                if (k < v.Length && v[k] == 'u')
                {
                    string rest = v.Substring(k + 1);
                    if (rest.Length > 0)
                    {
                        return (args[i], rest);
                    }
                    return i + 1 < args.Count ? (args[i + 1], args[i + 1].Value) : null;
                }
            }
        }
        return null;
    }
}
