using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// A line that ends with the escape character and so continues its instruction onto a line that starts with an
/// instruction keyword: Docker joins them, and the second "instruction" becomes arguments of the first.
/// </summary>
/// <param name="Instruction">The instruction that swallowed the line.</param>
/// <param name="EscapeSpan">The escape character at the end of <paramref name="Line"/>.</param>
/// <param name="Escape">That character (<c>\</c>, or <c>`</c> after <c># escape=`</c>).</param>
/// <param name="Line">The line that ends with the escape character.</param>
/// <param name="Next">The swallowed line.</param>
/// <param name="Word">The keyword the swallowed line starts with (<c>RUN</c>).</param>
/// <param name="WindowsPath">True when the escape character ends a Windows path (<c>C:\src\</c>) in a file without <c># escape=`</c>.</param>
/// <param name="NextText">The swallowed line's text, shortened for a message.</param>
public sealed record SwallowedLine(InstructionSyntax Instruction, TextSpan EscapeSpan, char Escape, int Line, int Next, string Word, bool WindowsPath, string NextText)
{
    /// <summary>The keyword of the instruction that swallowed the line, upper-case.</summary>
    public string Keyword => Instruction.Keyword.Value.ToUpperInvariant();
}

/// <summary>
/// Finds every <see cref="SwallowedLine"/> of a file, once: COPT1203 reports them, and the rules that read an instruction's
/// words (COPT2021's destination) name them as the cause instead of the words they swallowed.
/// </summary>
public static class SwallowedLines
{
    private const int NextTextLength = 40;

    private const int LongestKeyword = 11; // HEALTHCHECK

    /// <summary>The swallowed lines of the file, in line order (instructions with heredocs are skipped).</summary>
    public static IReadOnlyList<SwallowedLine> Find(DockerfileSyntax syntax)
    {
        var source = syntax.Source;
        char escape = syntax.EscapeToken;
        string all = source.Text;
        List<SwallowedLine>? found = null;
        foreach (var instruction in syntax.Instructions)
        {
            // The line count first: most instructions are one line, and Heredocs is an interface call behind a lazily made part.
            if (instruction.EndLine <= instruction.StartLine || instruction.Heredocs.Count > 0)
            {
                continue;
            }
            // Compared in place, not upper-cased: every instruction of more than one line passes here.
            string keyword = instruction.KeywordText;
            // ONBUILD's trigger belongs to the instruction: that continuation is the normal form.
            if (IsKeyword(keyword, "ONBUILD"))
            {
                continue;
            }
            bool healthcheck = IsKeyword(keyword, "HEALTHCHECK");
            for (int line = instruction.StartLine; line < instruction.EndLine; line++)
            {
                // Offsets, not line strings: every continued line of every RUN passes here, and few are findings.
                int start = source.GetLineStart(line);
                int last = source.GetLineContentEnd(line);
                while (last > start && all[last - 1] is '\r' or ' ' or '\t')
                {
                    last--;
                }
                if (last == start || all[last - 1] != escape)
                {
                    continue;
                }
                int next = NextContentLine(source, line + 1, instruction.EndLine, out int wordStart, out int nextEnd);
                // Every keyword starts with an upper-case letter; most continued lines start with a command, a flag or '&&'.
                if (next < 0 || all[wordStart] is < 'A' or > 'Z')
                {
                    continue;
                }
                // No keyword is longer than HEALTHCHECK: a longer word is read no further.
                int wordEnd = wordStart, longest = Math.Min(nextEnd, wordStart + LongestKeyword + 1);
                while (wordEnd < longest && all[wordEnd] is not (' ' or '\t'))
                {
                    wordEnd++;
                }
                // A keyword in upper case followed by a blank; anything else (&&, a command, a path) is no instruction.
                // HEALTHCHECK's CMD belongs to the instruction too. A comment line is continued by nothing (asked last: few
                // lines get this far).
                if (wordEnd == nextEnd || InstructionKinds.UpperCaseKeyword(all, wordStart, wordEnd - wordStart, out _) is not { } word
                    || (healthcheck && word == "CMD") || all[FirstContent(all, start, last)] == '#')
                {
                    continue;
                }
                string text = all.Substring(start, last - start);
                bool windowsPath = escape == '\\' && text.Length >= 2 && (text.IndexOf(":\\", StringComparison.Ordinal) >= 0 || text[text.Length - 2] != ' ' && text.LastIndexOf('\\', text.Length - 2) >= 0);
                int contentEnd = nextEnd;
                while (contentEnd > wordStart && char.IsWhiteSpace(all[contentEnd - 1]))
                {
                    contentEnd--;
                }
                string nextText = all.Substring(wordStart, contentEnd - wordStart);
                if (nextText.Length > NextTextLength)
                {
                    nextText = nextText.Substring(0, NextTextLength).TrimEnd() + " …";
                }
                (found ??= new List<SwallowedLine>()).Add(
                    new SwallowedLine(instruction, new TextSpan(start + text.Length - 1, 1), escape, line, next, word, windowsPath, nextText));
            }
        }
        return found ?? (IReadOnlyList<SwallowedLine>)Array.Empty<SwallowedLine>();
    }

    /// <summary>True when <paramref name="keyword"/> upper-cased (invariant) is <paramref name="upper"/>, without making that string.</summary>
    private static bool IsKeyword(string keyword, string upper)
    {
        if (keyword.Length != upper.Length)
        {
            return false;
        }
        for (int i = 0; i < keyword.Length; i++)
        {
            if (char.ToUpperInvariant(keyword[i]) != upper[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The next line of the instruction with content (blank lines and comments inside a continuation are skipped by Docker too),
    /// or -1; with where its content starts and ends.
    /// </summary>
    private static int NextContentLine(SourceText source, int from, int last, out int first, out int end)
    {
        string all = source.Text;
        for (int line = from; line <= last; line++)
        {
            end = source.GetLineContentEnd(line);
            first = FirstContent(all, source.GetLineStart(line), end);
            if (first < end && all[first] != '#')
            {
                return line;
            }
        }
        first = end = -1;
        return -1;
    }

    /// <summary>The offset of the first character that is not white space (as <see cref="string.Trim()"/> reads it), or <paramref name="end"/>.</summary>
    private static int FirstContent(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        return start;
    }
}
