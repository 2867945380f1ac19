using System.Globalization;
using ContainerOpt.Core.Diagnostics;
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
            if (empty.Count == 0)
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
}
