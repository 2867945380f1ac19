using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's ConsistentInstructionCasing: every instruction keyword of the stages is all upper or
/// all lower case, following the majority (a tie counts as upper). Mixed-case keywords (<c>From</c>)
/// are always reported. Global ARGs before the first FROM are not counted, as in BuildKit.
/// </summary>
public sealed class COPT1103ConsistentInstructionCasing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConsistentInstructionCasing;

    public override void Analyze(RuleContext context)
    {
        // The keywords are walked twice in place (count, then report), with no list of them.
        var stages = context.Model.Stages;
        int lower = 0, upper = 0, mixed = 0;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            for (int i = stage.IsImplicit ? 0 : -1; i < stage.Instructions.Count; i++)
            {
                if (KeywordAt(stage, i) is not { } instruction)
                {
                    continue;
                }
                string k = instruction.KeywordText;
                if (InvariantCase.IsCased(k, upperCase: false)) lower++;
                else if (InvariantCase.IsCased(k, upperCase: true)) upper++;
                else mixed++;
            }
        }
        bool majorityLower = lower > upper;
        // Only a keyword of the minority's case or of mixed case can be reported: in most files every keyword has one case,
        // and the second walk is skipped. (A keyword without letters counts as lower case and is never reported.)
        if (mixed == 0 && (majorityLower ? upper : lower) == 0)
        {
            return;
        }
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            for (int i = stage.IsImplicit ? 0 : -1; i < stage.Instructions.Count; i++)
            {
                if (KeywordAt(stage, i) is { } instruction)
                {
                    Check(context, instruction, majorityLower);
                }
            }
        }
    }

    /// <summary>
    /// The stage's FROM (at -1), or its instruction at <paramref name="i"/>, whose keyword is read; null for an unknown
    /// instruction. The instruction, not its Keyword token: that is made only when asked for, and its text and span are enough.
    /// </summary>
    private static InstructionSyntax? KeywordAt(Stage stage, int i)
    {
        if (i < 0)
        {
            return stage.From.Syntax;
        }
        var instruction = stage.Instructions[i];
        // An unknown instruction is a parse error of its own (COPT1001), not a casing question.
        return instruction.Kind == InstructionKind.Unknown ? null : instruction.Syntax;
    }

    private static void Check(RuleContext context, InstructionSyntax instruction, bool majorityLower)
    {
        string k = instruction.KeywordText;
        if (InvariantCase.IsCased(k, upperCase: !majorityLower))
        {
            return; // already as expected: no new string for it
        }
        string expected = majorityLower ? k.ToLowerInvariant() : k.ToUpperInvariant();
        if (k != expected)
        {
            context.Report(instruction.KeywordSpan, Fixes.FixProperties.Replace(expected), k, majorityLower ? "lowercase" : "uppercase", expected);
        }
    }
}
