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
        foreach (var stage in context.Model.Stages)
        {
            StageInstruction? previous = null;
            foreach (var instruction in InstructionFacts.OfKind(stage, kind))
            {
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
        // Made at the first invalid value: seven rules ask this of every file, and most files have none.
        HashSet<(StageInstruction, string)>? seen = null;
        foreach (var pair in LabelPairs.OfType(context.Facts, type))
        {
            if (pair.Value is null || isValid(pair.Value) || !(seen ??= new()).Add((pair.Instruction, pair.Key)))
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
    /// Reports packages installed without a version: one finding per instruction naming them all (as hadolint
    /// counts its DL3008 family), its span covering them. Message arguments: the packages, then
    /// <paramref name="extra"/>'s for the first of them (an example, the program).
    /// </summary>
    public static void ReportUnpinned(this RuleContext context, StepCommand at, IEnumerable<Shell.ShellWord> unpinned,
        params Func<Shell.ShellWord, object?>[] extra)
    {
        foreach (var package in unpinned)
        {
            var args = new object?[extra.Length];
            for (int i = 0; i < extra.Length; i++)
            {
                args[i] = extra[i](package);
            }
            context.ReportItem(at.Script.Instruction, at.Script.SpanOf(package), package.Value, args);
        }
    }
}
