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

    public override void Analyze(RuleContext context)
    {
        // Per stage and per kind (RUN or ONBUILD RUN): the tool used first, and whether both were seen. A stage or two per
        // file: a short list made on the first tool, scanned, where a dictionary and a set were made for every file.
        List<StageTools>? seen = null;
        foreach (var run in context.RunSteps.Posix)
        {
            var commands = run.Commands;
            int firstHere = NextTool(commands, 0, null);
            if (firstHere < 0)
            {
                continue;
            }
            var stage = run.Instruction.Stage;
            int k = 0;
            seen ??= new List<StageTools>();
            while (k < seen.Count && !(ReferenceEquals(seen[k].Stage, stage) && seen[k].IsOnbuild == run.IsOnbuild))
            {
                k++;
            }
            if (k == seen.Count)
            {
                seen.Add(new StageTools(stage, run.IsOnbuild, commands[firstHere].Command.Name, Both: false));
            }
            string firstTool = seen[k].FirstTool;
            int other = NextTool(commands, firstHere, firstTool);
            if (other >= 0 && !seen[k].Both)
            {
                seen[k] = seen[k] with { Both = true };
            }
            if (!seen[k].Both)
            {
                continue;
            }
            if (other < 0)
            {
                var at = commands[firstHere];
                context.Report(at.NameSpan, at.Command.Name, at.Command.Name == "curl" ? "wget" : "curl");
            }
            else
            {
                var at = commands[other];
                context.Report(at.NameSpan, at.Command.Name, firstTool);
            }
        }
    }

    private readonly record struct StageTools(Stage? Stage, bool IsOnbuild, string FirstTool, bool Both);

    /// <summary>The index of the first download tool from <paramref name="from"/> on (one not named <paramref name="other"/> when given), or -1.</summary>
    private static int NextTool(RunStep.StepCommands commands, int from, string? other)
    {
        for (int i = from; i < commands.Count; i++)
        {
            var command = commands[i].Command;
            // The two-name overload: no loop over an array for every command of every RUN.
            if (command.IsAny("curl", "wget") && (other is null || command.Name != other))
            {
                return i;
            }
        }
        return -1;
    }
}
