using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// A line that ends with the escape character, continuing the instruction onto a line that starts with an instruction
/// keyword (<c>COPY</c>, <c>RUN</c> ...): Docker joins them, so the second "instruction" becomes arguments of the first.
/// The classic cause is a Windows path (<c>COPY app.sln C:\src\</c>) in a file without <c># escape=`</c>, or a
/// backslash left behind when a RUN was split. Reported at the escape character. Instructions with heredocs are skipped.
/// </summary>
public sealed class COPT1203ContinuationIntoInstruction : DockerfileRule
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "WORKDIR", "USER", "EXPOSE", "CMD", "ENTRYPOINT", "LABEL", "VOLUME",
        "SHELL", "HEALTHCHECK", "STOPSIGNAL", "ONBUILD", "MAINTAINER",
    };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ContinuationIntoInstruction;

    public override void Analyze(RuleContext context)
    {
        var source = context.Source;
        char escape = context.Model.Syntax.EscapeToken;
        var found = new List<(TextSpan Span, int Line, string Keyword, int Next, string Word, bool WindowsPath)>();
        foreach (var instruction in context.Model.Syntax.Instructions)
        {
            if (instruction.Heredocs.Count > 0 || instruction.EndLine <= instruction.StartLine)
            {
                continue;
            }
            string all = source.Text;
            for (int line = instruction.StartLine; line < instruction.EndLine; line++)
            {
                // Offsets, not line strings: every continued line of every RUN passes here, and few are findings.
                int start = source.GetLineStart(line);
                int last = source.GetLineContentEnd(line);
                while (last > start && all[last - 1] is '\r' or ' ' or '\t')
                {
                    last--;
                }
                if (last == start || all[last - 1] != escape || FirstContent(all, start, last) is int first && all[first] == '#')
                {
                    continue;
                }
                int next = NextContentLine(source, line + 1, instruction.EndLine);
                if (next < 0)
                {
                    continue;
                }
                int nextStart = source.GetLineStart(next);
                int nextEnd = source.GetLineContentEnd(next);
                int wordStart = FirstContent(all, nextStart, nextEnd);
                int wordEnd = wordStart;
                while (wordEnd < nextEnd && all[wordEnd] is not (' ' or '\t'))
                {
                    wordEnd++;
                }
                // Keywords are upper-case letters followed by a blank; anything else (&&, a command, a path) is no instruction.
                if (wordEnd == nextEnd || !IsUpperCaseWord(all, wordStart, wordEnd))
                {
                    continue;
                }
                string word = all.Substring(wordStart, wordEnd - wordStart);
                string keyword = instruction.Keyword.Value.ToUpperInvariant();
                // HEALTHCHECK's CMD and ONBUILD's trigger belong to the instruction: that continuation is the normal form.
                if (!Keywords.Contains(word) || keyword == "ONBUILD" || (keyword == "HEALTHCHECK" && word == "CMD"))
                {
                    continue;
                }
                string text = all.Substring(start, last - start);
                bool windowsPath = escape == '\\' && text.Length >= 2 && (text.IndexOf(":\\", StringComparison.Ordinal) >= 0 || text[text.Length - 2] != ' ' && text.LastIndexOf('\\', text.Length - 2) >= 0);
                int offset = start + text.Length - 1;
                found.Add((new TextSpan(offset, 1), line, keyword, next, word, windowsPath));
            }
        }
        // Windows paths are one habit of the file: one finding, the other lines named and kept as additional locations.
        var paths = found.Where(f => f.WindowsPath).ToList();
        if (paths.Count > 0)
        {
            var first = paths[0];
            string also = paths.Count == 1 ? "" : $" (the same on {(paths.Count == 2 ? "line" : "lines")} {Prose.And(paths.Skip(1).Select(p => p.Line))})";
            context.ReportAlsoAt(first.Span, paths.Skip(1).Select(p => p.Span).ToList(), escape.ToString(), first.Line, first.Keyword, first.Next, first.Word,
                "For Windows paths, make '# escape=`' the first line of the file, or end the path with '/' instead of '\\'" + also);
        }
        foreach (var f in found.Where(f => !f.WindowsPath))
        {
            context.Report(f.Span, escape.ToString(), f.Line, f.Keyword, f.Next, f.Word, $"Remove the '{escape}' if line {f.Next} starts a new instruction");
        }
    }

    /// <summary>The next line of the instruction with content (blank lines and comments inside a continuation are skipped by Docker too), or -1.</summary>
    private static int NextContentLine(SourceText source, int from, int last)
    {
        string all = source.Text;
        for (int line = from; line <= last; line++)
        {
            int end = source.GetLineContentEnd(line);
            int first = FirstContent(all, source.GetLineStart(line), end);
            if (first < end && all[first] != '#')
            {
                return line;
            }
        }
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

    private static bool IsUpperCaseWord(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (text[i] is < 'A' or > 'Z')
            {
                return false;
            }
        }
        return end > start;
    }
}
