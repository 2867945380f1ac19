using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

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
        foreach (var instruction in context.Model.Syntax.Instructions)
        {
            if (instruction.Heredocs.Count > 0 || instruction.EndLine <= instruction.StartLine)
            {
                continue;
            }
            for (int line = instruction.StartLine; line < instruction.EndLine; line++)
            {
                string text = source.GetLineText(line).TrimEnd('\r', ' ', '\t');
                if (text.Length == 0 || text[text.Length - 1] != escape || text.TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }
                int next = NextContentLine(source, line + 1, instruction.EndLine);
                if (next < 0)
                {
                    continue;
                }
                string following = source.GetLineText(next).TrimStart();
                int end = following.IndexOfAny(new[] { ' ', '\t' });
                string word = end < 0 ? following : following.Substring(0, end);
                if (end < 0 || !Keywords.Contains(word))
                {
                    continue;
                }
                string keyword = instruction.Keyword.Value.ToUpperInvariant();
                bool windowsPath = escape == '\\' && text.Length >= 2 && (text.IndexOf(":\\", StringComparison.Ordinal) >= 0 || text[text.Length - 2] != ' ' && text.LastIndexOf('\\', text.Length - 2) >= 0);
                string fix = windowsPath
                    ? "For Windows paths, make '# escape=`' the first line of the file, or end the path with '/' instead of '\\'"
                    : $"Remove the '{escape}' if line {next} starts a new instruction";
                int offset = source.GetLineStart(line) + text.Length - 1;
                context.Report(new Dockerfile.Text.TextSpan(offset, 1), escape.ToString(), line, keyword, next, word, fix);
            }
        }
    }

    /// <summary>The next line of the instruction with content (blank lines and comments inside a continuation are skipped by Docker too), or -1.</summary>
    private static int NextContentLine(Dockerfile.Text.SourceText source, int from, int last)
    {
        for (int line = from; line <= last; line++)
        {
            string text = source.GetLineText(line).Trim();
            if (text.Length > 0 && !text.StartsWith("#", StringComparison.Ordinal))
            {
                return line;
            }
        }
        return -1;
    }
}
