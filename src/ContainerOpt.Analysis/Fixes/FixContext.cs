using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>
/// What a fixer sees: the finding to fix, the facts of the file it was found in (the same facts its rule read), the
/// file's other findings, and the ways to write an edit (on the original text, with its line endings and escape
/// character). One per finding.
/// </summary>
public sealed class FixContext
{
    internal FixContext(DockerfileFacts facts, Finding finding, IReadOnlyList<Finding> findings)
    {
        Facts = facts;
        Finding = finding;
        Findings = findings;
    }

    public Finding Finding { get; }

    /// <summary>Every finding of the file in this analysis (a fixer that needs to know its rule's other findings asks here).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public DockerfileFacts Facts { get; }
    public DockerfileModel Model => Facts.Model;
    public DockerfileSyntax Syntax => Facts.Syntax;
    public SourceText Source => Facts.Source;
    public string Text => Facts.Source.Text;

    /// <summary>The escape character in force (<c>\</c>, or <c>`</c> after <c># escape=`</c>): continuations are written with it.</summary>
    public char Escape => Facts.Syntax.EscapeToken;

    /// <summary>A property the rule set on the finding for its fixer, or null.</summary>
    public string? Property(string key) => Finding.Properties.TryGetValue(key, out var value) ? value : null;

    /// <summary>The instruction (global ARG, FROM or stage instruction) whose text holds <paramref name="offset"/>, or null.</summary>
    public StageInstruction? InstructionAt(int offset)
    {
        var all = Facts.Instructions;
        int low = 0, high = all.Count - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (all[middle].Syntax.Span.Start <= offset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        if (found < 0)
        {
            return null;
        }
        var span = all[found].Syntax.Span;
        return offset <= span.End ? all[found] : null;
    }

    /// <summary>The RUN step (ONBUILD RUN included) whose instruction holds <paramref name="offset"/>, or null.</summary>
    public RunStep? StepAt(int offset) => InstructionAt(offset) is { } instruction ? Facts.RunSteps.Find(instruction) : null;

    /// <summary>The command of a RUN whose program name is exactly at <paramref name="nameSpan"/> (where the package rules point), or null.</summary>
    public StepCommand? CommandNamedAt(TextSpan nameSpan)
    {
        if (StepAt(nameSpan.Start) is not { } step)
        {
            return null;
        }
        foreach (var at in step.Commands)
        {
            if (at.NameSpan == nameSpan)
            {
                return at;
            }
        }
        return null;
    }

    /// <summary>The offset where a finding's additional location starts (they are kept as lines and columns).</summary>
    public int OffsetOf(LinePosition position) =>
        Math.Min(Text.Length, Source.GetLineStart(position.Line) + Math.Max(0, position.Column - 1));

    public FixEdit Replace(TextSpan span, string newText) => new(span, Source.GetLinePositionSpan(span), newText);

    public FixEdit Insert(int offset, string text) => Replace(new TextSpan(offset, 0), text);

    public FixEdit Delete(TextSpan span) => Replace(span, "");

    /// <summary>A fix of these edits (sorted by position); null when there are none or two overlap.</summary>
    public CodeFix? Offer(string title, IEnumerable<FixEdit?> edits)
    {
        var list = edits.Where(e => e is not null).Select(e => e!).OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        if (list.Count == 0)
        {
            return null;
        }
        for (int i = 1; i < list.Count; i++)
        {
            if (FixEdits.Overlap(list[i - 1], list[i]))
            {
                return null;
            }
        }
        return new CodeFix(title, list);
    }

    public CodeFix? Offer(string title, params FixEdit?[] edits) => Offer(title, (IEnumerable<FixEdit?>)edits);

    /// <summary>The line break that ends a 1-based line: <c>\r\n</c> or <c>\n</c> as the file writes it (the file's first one for its last line).</summary>
    public string LineBreakOf(int line)
    {
        int end = Source.GetLineContentEnd(line);
        if (end < Text.Length && Text[end] == '\r')
        {
            return "\r\n";
        }
        if (end < Text.Length)
        {
            return "\n";
        }
        int first = Text.IndexOf('\n');
        return first > 0 && Text[first - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>The blanks a 1-based line starts with.</summary>
    public string IndentationOf(int line)
    {
        int start = Source.GetLineStart(line), end = Source.GetLineContentEnd(line), k = start;
        while (k < end && (Text[k] == ' ' || Text[k] == '\t'))
        {
            k++;
        }
        return Text.Substring(start, k - start);
    }

    /// <summary>From the start of the instruction's first line to the start of the line after its last (its line break included).</summary>
    public TextSpan WholeLines(InstructionSyntax instruction)
    {
        int start = Source.GetLineStart(instruction.StartLine);
        int end = instruction.EndLine < Source.LineCount ? Source.GetLineStart(instruction.EndLine + 1) : Text.Length;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>
    /// An instruction inserted as a line of its own before <paramref name="before"/> (above the comment lines right above
    /// it, which describe it), indented like it; or, with <paramref name="before"/> null, after <paramref name="after"/>'s last line.
    /// </summary>
    public FixEdit InsertLine(string instructionText, InstructionSyntax? before, InstructionSyntax? after = null)
    {
        if (before is not null)
        {
            int line = before.StartLine;
            int above = line;
            while (above > 1 && Source.GetLineText(above - 1).TrimStart().StartsWith("#", StringComparison.Ordinal)
                && line - above < before.PrecedingComments.Count)
            {
                above--;
            }
            return Insert(Source.GetLineStart(above), IndentationOf(line) + instructionText + LineBreakOf(line));
        }
        var previous = after ?? throw new ArgumentNullException(nameof(after));
        int last = previous.EndLine;
        string indentation = IndentationOf(previous.StartLine);
        if (last < Source.LineCount || (Text.Length > 0 && Text[Text.Length - 1] == '\n'))
        {
            return Insert(last < Source.LineCount ? Source.GetLineStart(last + 1) : Text.Length, indentation + instructionText + LineBreakOf(last));
        }
        // The file ends without a line break after the instruction: the new line gets one before it.
        return Insert(Text.Length, LineBreakOf(last) + indentation + instructionText);
    }

    /// <summary>Instructions inserted as lines of their own before <paramref name="before"/> (as <see cref="InsertLine"/>), in order.</summary>
    public FixEdit? InsertLines(IReadOnlyList<string> instructionTexts, InstructionSyntax before)
    {
        if (instructionTexts.Count == 0)
        {
            return null;
        }
        string indentation = IndentationOf(before.StartLine);
        string lineBreak = LineBreakOf(before.StartLine);
        var first = InsertLine(instructionTexts[0], before);
        string more = string.Concat(instructionTexts.Skip(1).Select(t => indentation + t + lineBreak));
        return Replace(first.Span, first.NewText + more);
    }

    /// <summary>A keyword in the case the file writes its keywords: the FROM of the stage, else upper case.</summary>
    public string Keyword(string upper, StageInstruction? near = null)
    {
        var sample = near?.Stage is { IsImplicit: false } stage ? stage.From.Syntax.Keyword.Value : Facts.Instructions.FirstOrDefault()?.Syntax.Keyword.Value;
        return sample is not null && sample == sample.ToLowerInvariant() ? upper.ToLowerInvariant() : upper;
    }
}
