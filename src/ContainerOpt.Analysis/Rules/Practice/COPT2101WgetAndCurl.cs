using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4001: both wget and curl used in one stage. Every RUN that uses one of them once the stage
/// has used both is reported, at the tool the stage did not start with (else at its first download tool).
/// ONBUILD RUNs are counted apart from the stage's own RUNs: they run in another build.
/// </summary>
public sealed class COPT2101WgetAndCurl : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WgetAndCurl;

    private static readonly string[] Tools = { "curl", "wget" };

    public override void Analyze(RuleContext context)
    {
        // Per stage and per kind (RUN or ONBUILD RUN): the tool used first, and whether both were seen.
        var first = new Dictionary<(Stage?, bool), string>();
        var both = new HashSet<(Stage?, bool)>();
        foreach (var run in context.RunSteps.Posix)
        {
            var tools = run.Named(Tools);
            if (tools.Count == 0)
            {
                continue;
            }
            var key = (run.Instruction.Stage, run.IsOnbuild);
            if (!first.TryGetValue(key, out var firstTool))
            {
                firstTool = tools[0].Command.Name;
                first[key] = firstTool;
            }
            if (tools.Any(t => t.Command.Name != firstTool))
            {
                both.Add(key);
            }
            if (!both.Contains(key))
            {
                continue;
            }
            var at = tools.FirstOrDefault(t => t.Command.Name != firstTool);
            if (at.Script is null)
            {
                at = tools[0];
                context.Report(at.NameSpan, at.Command.Name, at.Command.Name == "curl" ? "wget" : "curl");
            }
            else
            {
                context.Report(at.NameSpan, at.Command.Name, firstTool);
            }
        }
    }
}
