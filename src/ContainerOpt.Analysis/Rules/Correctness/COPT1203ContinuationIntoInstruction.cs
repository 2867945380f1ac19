using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// A line that ends with the escape character, continuing the instruction onto a line that starts with an instruction
/// keyword (<c>COPY</c>, <c>RUN</c> ...): Docker joins them, so the second "instruction" becomes arguments of the first.
/// The classic cause is a Windows path (<c>COPY app.sln C:\src\</c>) in a file without <c># escape=`</c>, or a
/// backslash left behind when a RUN was split. Reported at the escape character. Instructions with heredocs are skipped.
/// The lines are found once, by <see cref="Facts.SwallowedLines"/>, which the rules that read an instruction's words share.
/// </summary>
public sealed class COPT1203ContinuationIntoInstruction : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ContinuationIntoInstruction;

    public override void Analyze(RuleContext context)
    {
        var found = context.Facts.SwallowedLines;
        if (found.Count == 0)
        {
            return;
        }
        // Windows paths are one habit of the file: one finding, the other lines named and kept as additional locations.
        var paths = found.Where(f => f.WindowsPath).ToList();
        if (paths.Count > 0)
        {
            var first = paths[0];
            string also = paths.Count == 1 ? "" : $" (the same on {(paths.Count == 2 ? "line" : "lines")} {Prose.And(paths.Skip(1).Select(p => p.Line))})";
            context.ReportAlsoAt(first.EscapeSpan, paths.Skip(1).Select(p => p.EscapeSpan).ToList(), first.Escape.ToString(), first.Line,
                first.Keyword, first.Next, first.Word,
                "For Windows paths, make '# escape=`' the first line of the file, or end the path with '/' instead of '\\'" + also);
        }
        foreach (var f in found.Where(f => !f.WindowsPath))
        {
            context.Report(f.EscapeSpan, f.Escape.ToString(), f.Line, f.Keyword, f.Next, f.Word, $"Remove the '{f.Escape}' if line {f.Next} starts a new instruction");
        }
    }
}
