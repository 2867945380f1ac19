using ContainerOpt.Analysis.Shell;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3004: <c>sudo</c> in a RUN, whether it wraps a command (<c>sudo -E apt-get ...</c>) or is
/// run itself. Once per RUN, at the first <c>sudo</c> word. <c>apt-get install sudo</c> is fine.
/// </summary>
public sealed class COPT2004NoSudo : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NoSudo;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var item in run.Commands)
            {
                var command = item.Command;
                // sudo is a wrapper: it sits in Words before the program (sudo -u app env X=1 make).
                ShellWord? sudo = null;
                var words = command.Words;
                for (int i = 0; i <= command.NameIndex && i < words.Count && sudo is null; i++)
                {
                    sudo = IsSudo(words[i].Value) ? words[i] : null;
                }
                if (sudo is not null)
                {
                    context.Report(item.Script.SpanOf(sudo));
                    break;
                }
            }
        }
    }

    private static bool IsSudo(string word) => ShellFacts.BaseName(word) == "sudo";
}
