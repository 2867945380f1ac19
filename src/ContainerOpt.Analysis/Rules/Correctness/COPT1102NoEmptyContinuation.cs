using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's NoEmptyContinuation: an empty line inside an instruction continued with '\'. Reported,
/// like BuildKit, on the last line of the instruction (before any heredoc body).
/// </summary>
public sealed class COPT1102NoEmptyContinuation : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NoEmptyContinuation;

    public override void Analyze(RuleContext context)
    {
        var source = context.Source;
        foreach (var instruction in context.Syntax.Instructions)
        {
            var empty = instruction.EmptyContinuationLines;
            if (empty.Count == 0 || (empty = OutsideSwallowedSpans(context, instruction, empty)).Count == 0)
            {
                continue;
            }
            int lastLine = instruction.EndLine;
            foreach (var heredoc in instruction.Heredocs)
            {
                lastLine = Math.Min(lastLine, heredoc.BodyStartLine - 1);
            }
            lastLine = Math.Max(lastLine, instruction.StartLine);
            int start = source.GetLineStart(lastLine);
            int end = source.GetLineContentEnd(lastLine);
            while (start < end && (source.Text[start] == ' ' || source.Text[start] == '\t'))
            {
                start++;
            }
            string lines = (empty.Count == 1 ? "line " : "lines ")
                + string.Join(", ", empty.Select(l => l.ToString(CultureInfo.InvariantCulture)));
            context.Report(TextSpan.FromBounds(start, end), lines);
        }
    }

    /// <summary>The empty lines that are not between a swallowing line and the instruction line it swallowed.</summary>
    private static IReadOnlyList<int> OutsideSwallowedSpans(RuleContext context, InstructionSyntax instruction, IReadOnlyList<int> empty)
    {
        if (context.Facts.FirstSwallowedBy(instruction) is null)
        {
            return empty; // the common case: nothing swallowed, no list built
        }
        var kept = new List<int>(empty.Count);
        foreach (int line in empty)
        {
            bool swallowed = false;
            foreach (var span in context.Facts.SwallowedLines)
            {
                swallowed |= ReferenceEquals(span.Instruction, instruction) && span.Line < line && line < span.Next;
            }
            if (!swallowed)
            {
                kept.Add(line);
            }
        }
        return kept;
    }
}
