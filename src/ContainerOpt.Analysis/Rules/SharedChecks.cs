using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules;

/// <summary>Checks that several rules share, each reporting through its rule's context (the one rule module).</summary>
public static class SharedChecks
{
    /// <summary>
    /// Reports, at its keyword, every instruction of <paramref name="kind"/> after the first in its
    /// stage (ONBUILD triggers do not count); the message gets the previous one's line.
    /// </summary>
    public static void ReportRepeats(this RuleContext context, InstructionKind kind)
    {
        // Index loops over the views: three rules ask this of every stage, and most stages have none of the kind.
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            StageInstruction? previous = null;
            var instructions = stages[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                if (instruction.Syntax.Kind != kind)
                {
                    continue;
                }
                if (previous is not null)
                {
                    context.Report(instruction.Syntax.Keyword.Span, previous.Syntax.StartLine);
                }
                previous = instruction;
            }
        }
    }

    /// <summary>
    /// Reports each pair whose schema type is <paramref name="type"/> and whose known value fails
    /// <paramref name="isValid"/>, at the value, once per label per instruction (as hadolint counts).
    /// Message arguments: the key, the value (shortened), then <paramref name="extra"/>'s.
    /// </summary>
    public static void ReportInvalidLabels(this RuleContext context, string type, Func<string, bool> isValid, Func<string, string>? extra = null)
    {
        if (context.Options.LabelSchema.Count == 0)
        {
            return; // no label has a type (the default): six rules ask, and need not start a search
        }
        HashSet<(StageInstruction, string)>? seen = null; // made on the first invalid value
        foreach (var pair in LabelPairs.OfType(context.Facts, type))
        {
            if (pair.Value is null || isValid(pair.Value) || !(seen ??= new HashSet<(StageInstruction, string)>()).Add((pair.Instruction, pair.Key)))
            {
                continue;
            }
            var span = pair.Syntax.Value.Span.Length > 0 ? pair.Syntax.Value.Span : pair.Syntax.Key.Span;
            if (extra is null)
            {
                context.Report(span, pair.Key, LabelPairs.Shorten(pair.Value));
            }
            else
            {
                context.Report(span, pair.Key, LabelPairs.Shorten(pair.Value), extra(pair.Value));
            }
        }
    }

    /// <summary>
    /// Reports a package installed without a version: the packages of one instruction are one finding naming them all (as
    /// hadolint counts its DL3008 family), its span covering them. Message arguments: the packages, then the first
    /// package's <paramref name="messageArgs"/> (an example, the program). The rule loops over the packages itself: no
    /// sequence and no delegates per install, the arguments made only for a package that is reported.
    /// </summary>
    public static void ReportUnpinned(this RuleContext context, StepCommand at, Shell.ShellWord package, params object?[] messageArgs) =>
        context.ReportItem(at.Script.Instruction, at.Script.SpanOf(package), package.Value, messageArgs);
}
