using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>
/// The edits fixers make to RUN instructions, written as a person would: a flag after its verb, a command at the end of
/// the RUN on a continuation line of the RUN's own style (<c>&amp;&amp;</c> at the end of a line or at the start of the
/// next, its indentation, its escape character and line breaks), RUNs joined with <c>&amp;&amp;</c> keeping each one's
/// lines and the comments between them. Every edit of a shell script is checked by parsing the script it makes: an edit
/// the shell would read otherwise (after a trailing comment, inside an unfinished quote) is not made.
/// </summary>
internal static class RunEdits
{
    /// <summary>Characters a script may not end with for <c>&amp;&amp; more</c> to follow (a background job, a pipe, a separator).</summary>
    private static bool EndsOpen(string text, int last, char escape) => text[last] is '&' or '|' or ';' or '\\' || text[last] == escape;

    /// <summary><c> flag</c> inserted right after a word of a RUN's shell script (the verb the flag belongs to); null in exec form.</summary>
    public static FixEdit? InsertAfter(FixContext context, RunScript script, ShellWord word, string flag)
    {
        if (script.Run.IsJsonForm || word.End <= word.Start)
        {
            return null;
        }
        int end = script.SpanOf(word.End - 1, word.End).End;
        return context.Insert(end, " " + flag);
    }

    /// <summary>The word of a command's arguments that is <paramref name="value"/> (its verb), or null.</summary>
    public static ShellWord? Argument(ShellCommand command, string value) =>
        command.Arguments.FirstOrDefault(a => a.Value == value && !a.IsQuoted);

    /// <summary>
    /// <paramref name="command"/> run at the end of the RUN: after its command line with <c>&amp;&amp;</c>, or as the last line of
    /// its heredoc script (<c>RUN &lt;&lt;EOF</c>). Null when the RUN is in exec form, mixes both, or ends so that the command
    /// would not run after the rest (a trailing comment, a background job).
    /// </summary>
    public static FixEdit? Append(FixContext context, RunStep step, string command)
    {
        if (step.Run.IsJsonForm || step.Scripts.Count == 0 || step.Scripts[0].Heredoc is not null)
        {
            return null;
        }
        if (step.Run.Heredocs.Count > 0)
        {
            // RUN <<EOF: the script is the body; a command line that also runs commands is left alone.
            var line = step.Scripts[0].Script;
            bool lineIsShell = line.Commands.Count == 0 || (line.Commands.Count == 1 && step.Scripts.Count > 1);
            return lineIsShell && step.Scripts.Count == 2 ? AppendToHeredoc(context, step.Scripts[1], command) : null;
        }
        return AppendToLine(context, step, step.Scripts[0], command);
    }

    private static FixEdit? AppendToLine(FixContext context, RunStep step, RunScript script, string command)
    {
        string text = script.Script.Text;
        int last = LastNonBlank(text);
        if (last < 0 || !script.Script.IsComplete || EndsOpen(text, last, context.Escape))
        {
            return null;
        }
        if (!Extends(script.Script, text.Substring(0, last + 1) + " && " + command, command, ShellOperator.And))
        {
            return null;
        }
        int at = script.SpanOf(last, last + 1).End;
        int firstLine = step.Instruction.Syntax.StartLine;
        int atLine = context.Source.GetLinePosition(at).Line;
        if (atLine == firstLine)
        {
            return context.Insert(at, " && " + command);
        }
        var lastCommand = script.Script.Commands.Last(c => c.Depth == 0);
        int commandLine = context.Source.GetLinePosition(script.SpanOf(lastCommand).Start).Line;
        string indentation = commandLine == firstLine ? context.IndentationOf(firstLine) + "    " : context.IndentationOf(commandLine);
        string lineBreak = context.LineBreakOf(atLine);
        return LeadingOperators(context, firstLine, atLine)
            ? context.Insert(at, " " + context.Escape + lineBreak + indentation + "&& " + command)
            : context.Insert(at, " && " + context.Escape + lineBreak + indentation + command);
    }

    private static FixEdit? AppendToHeredoc(FixContext context, RunScript script, string command)
    {
        var heredoc = script.Heredoc!;
        string body = heredoc.Content;
        int last = LastNonBlank(body);
        if (!heredoc.IsTerminated || last < 0 || !body.EndsWith("\n", StringComparison.Ordinal) || !script.Script.IsComplete
            || EndsOpen(body, last, '\\'))
        {
            return null;
        }
        if (!Extends(script.Script, body + command + "\n", command, ShellOperator.Sequence))
        {
            return null;
        }
        int lastLine = context.Source.GetLinePosition(heredoc.BodySpan.Start + last).Line;
        return context.Insert(heredoc.BodySpan.End, context.IndentationOf(lastLine) + command + context.LineBreakOf(lastLine));
    }

    /// <summary>
    /// The edits that join consecutive RUNs (only comments and blank lines between them) into the first with
    /// <c>&amp;&amp;</c>: each RUN keeps its lines; the first gets a continuation, the next ones lose their keyword and flags
    /// for the continuation's indentation; blank lines between them go (an empty continuation line is deprecated), comments
    /// stay. Null when they cannot be one shell script without changing what runs: different flags, exec form, heredocs,
    /// a pragma between them, or a later RUN that is more than an <c>&amp;&amp;</c> chain (its <c>;</c> or <c>||</c> would
    /// run even when an earlier command failed).
    /// </summary>
    public static IReadOnlyList<FixEdit>? Join(FixContext context, IReadOnlyList<RunStep> steps)
    {
        if (steps.Count < 2)
        {
            return null;
        }
        string flags = FlagsOf(steps[0].Run);
        foreach (var step in steps)
        {
            if (step.IsOnbuild || step.Run.IsJsonForm || step.Run.Heredocs.Count > 0 || !step.IsPosix || step.Scripts.Count != 1
                || !step.Scripts[0].Script.IsComplete || FlagsOf(step.Run) != flags || step.Run.HasErrors)
            {
                return null;
            }
        }
        int firstLine = steps[0].Instruction.Syntax.StartLine;
        int lastLine = steps[steps.Count - 1].Instruction.Syntax.EndLine;
        bool leading = LeadingOperators(context, firstLine, lastLine);
        string indentation = "    ";
        foreach (var step in steps)
        {
            var syntax = step.Instruction.Syntax;
            if (syntax.EndLine > syntax.StartLine)
            {
                indentation = ContinuationIndentation(context, syntax);
                break;
            }
        }
        var edits = new List<FixEdit>();
        for (int i = 0; i + 1 < steps.Count; i++)
        {
            var a = steps[i];
            var b = steps[i + 1];
            string aText = a.Scripts[0].Script.Text;
            int last = LastNonBlank(aText);
            if (last < 0 || EndsOpen(aText, last, context.Escape) || !IsAndChain(b.Scripts[0].Script) || !OnlyCommentsBetween(context, a, b))
            {
                return null;
            }
            var joined = ShellScript.Parse(aText.Substring(0, last + 1) + " && " + b.Scripts[0].Script.Text);
            int countA = a.Scripts[0].Script.Commands.Count;
            if (!joined.IsComplete || joined.Commands.Count != countA + b.Scripts[0].Script.Commands.Count
                || joined.Commands[countA].PrecedingOperator != ShellOperator.And || joined.Commands[countA].Depth != 0)
            {
                return null;
            }
            int at = a.Scripts[0].SpanOf(last, last + 1).End;
            edits.Add(context.Insert(at, (leading ? " " : " && ") + context.Escape));
            for (int line = a.Instruction.Syntax.EndLine + 1; line < b.Instruction.Syntax.StartLine; line++)
            {
                if (context.Source.GetLineText(line).Trim().Length == 0)
                {
                    edits.Add(context.Delete(TextSpan.FromBounds(context.Source.GetLineStart(line), context.Source.GetLineStart(line + 1))));
                }
            }
            var bSyntax = b.Instruction.Syntax;
            int prefixStart = context.Source.GetLineStart(bSyntax.StartLine);
            edits.Add(context.Replace(TextSpan.FromBounds(prefixStart, bSyntax.ArgumentText.Span.Start), indentation + (leading ? "&& " : "")));
        }
        return edits;
    }

    /// <summary>True when the script's top-level commands are joined by <c>&amp;&amp;</c> and pipes only.</summary>
    private static bool IsAndChain(ShellScript script) =>
        script.Commands.Count > 0
        && script.Commands.All(c => c.Depth > 0 || c.PrecedingOperator is ShellOperator.None or ShellOperator.And or ShellOperator.Pipe);

    /// <summary>Only blank and comment lines between two instructions, and no pragma among the comments (it would change what it applies to).</summary>
    private static bool OnlyCommentsBetween(FixContext context, RunStep a, RunStep b)
    {
        for (int line = a.Instruction.Syntax.EndLine + 1; line < b.Instruction.Syntax.StartLine; line++)
        {
            string text = context.Source.GetLineText(line).Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (text[0] != '#')
            {
                return false;
            }
            string comment = text.TrimStart('#').TrimStart().ToLowerInvariant();
            if (comment.StartsWith("hadolint", StringComparison.Ordinal) || comment.StartsWith("containeropt", StringComparison.Ordinal)
                || comment.StartsWith("check=", StringComparison.Ordinal) || comment.StartsWith("check ", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The indentation of an instruction's second line (its continuation lines' indentation), else four blanks.</summary>
    private static string ContinuationIndentation(FixContext context, InstructionSyntax syntax)
    {
        for (int line = syntax.StartLine + 1; line <= syntax.EndLine; line++)
        {
            string text = context.Source.GetLineText(line);
            if (text.Trim().Length > 0 && !text.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                return context.IndentationOf(line);
            }
        }
        return "    ";
    }

    /// <summary>True when a continuation line between the two lines starts with <c>&amp;&amp;</c> or <c>||</c> (operators lead, not trail).</summary>
    private static bool LeadingOperators(FixContext context, int firstLine, int lastLine)
    {
        for (int line = firstLine + 1; line <= lastLine; line++)
        {
            string text = context.Source.GetLineText(line).TrimStart();
            if (text.StartsWith("&&", StringComparison.Ordinal) || text.StartsWith("||", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string FlagsOf(InstructionSyntax run) => string.Join(" ", run.Flags.Select(f => f.Raw).OrderBy(f => f, StringComparer.Ordinal));

    private static int LastNonBlank(string text)
    {
        int k = text.Length - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }
        return k;
    }

    /// <summary>True when <paramref name="extended"/> is the script's commands and then <paramref name="command"/>'s, joined by <paramref name="joint"/>.</summary>
    private static bool Extends(ShellScript script, string extended, string command, ShellOperator joint)
    {
        var parsed = ShellScript.Parse(extended);
        var added = ShellScript.Parse(command);
        int count = script.Commands.Count;
        if (!parsed.IsComplete || parsed.Commands.Count != count + added.Commands.Count || added.Commands.Count == 0)
        {
            return false;
        }
        var first = parsed.Commands[count];
        return first.PrecedingOperator == joint && first.Depth == 0 && first.ToString() == added.Commands[0].ToString();
    }
}
