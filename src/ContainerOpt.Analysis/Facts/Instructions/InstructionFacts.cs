using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>What instructions mean beyond their syntax: archives and paths of COPY/ADD, values expanded as the builder expands them, sub-spans of words.</summary>
public static class InstructionFacts
{
    /// <summary>hadolint's archive extensions: what ADD extracts and what COPY should not copy only to extract.</summary>
    private static readonly string[] ArchiveExtensions =
    {
        ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz",
    };

    /// <summary>
    /// Values that mark an ENV as not set (<c>sa_password="_"</c> in Microsoft's mssql images, whose start script skips
    /// <c>_</c>). A weak default password (<c>changeme</c>, <c>admin</c>) is not here: it is a real, guessable secret.
    /// </summary>
    private static readonly string[] UnsetMarkers = { "_", "-", "none", "null", "unset", "undefined" };

    /// <summary>
    /// True when an ENV value (as written) stores no data: empty (<c>ENV TOKEN ""</c>, <c>ENV TOKEN=</c>) or an unset marker
    /// (<see cref="UnsetMarkers"/>). Such an ENV documents a variable the container is given at start. (An ARG's default is
    /// another matter: <c>--build-arg</c> replaces it, and that value is what stays in the history.)
    /// </summary>
    public static bool StoresNoData(string value)
    {
        string data = DropQuotes(value).Trim();
        if (data.Length == 0)
        {
            return true;
        }
        foreach (var marker in UnsetMarkers)
        {
            if (string.Equals(data, marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>hadolint's <c>dropQuotes</c>: strips every leading and trailing quote character.</summary>
    public static string DropQuotes(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && IsQuote(text[start])) start++;
        while (end > start && IsQuote(text[end - 1])) end--;
        return text.Substring(start, end - start);
    }

    private static bool IsQuote(char c) => c == '"' || c == '\'';

    /// <summary>True when the path, quotes dropped, ends with one of hadolint's archive extensions.</summary>
    public static bool IsArchive(string path)
    {
        // Read in place, no unquoted copy: COPT2010 asks this of every COPY word. Each extension has one '.', its first
        // character, so the path ends with one exactly when its part from the last '.' is one: one compare per
        // extension of that length, not fifteen EndsWith.
        int start = 0, end = path.Length;
        while (start < end && IsQuote(path[start])) start++;
        while (end > start && IsQuote(path[end - 1])) end--;
        int dot = end == start ? -1 : path.LastIndexOf('.', end - 1, end - start);
        if (dot < 0)
        {
            return false;
        }
        int length = end - dot;
        foreach (var ext in ArchiveExtensions)
        {
            if (ext.Length == length && string.CompareOrdinal(path, dot, ext, 0, length) == 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The last path component; both '/' and '\' separate (hadolint's basename).</summary>
    public static string BaseName(string path)
    {
        string p = DropQuotes(path);
        int cut = Math.Max(p.LastIndexOf('/'), p.LastIndexOf('\\'));
        return cut >= 0 ? p.Substring(cut + 1) : p;
    }

    /// <summary>A Windows absolute path: a drive letter and a colon (<c>C:\</c>, <c>c:/</c>, <c>D:</c>).</summary>
    public static bool IsWindowsAbsolute(string path) =>
        path.Length >= 2 && char.IsLetter(path[0]) && path[1] == ':';

    /// <summary>
    /// The word as BuildKit will see it: variables expanded with the instruction's scope and quotes
    /// removed. Null when it uses a variable that is not set (its value is unknown here).
    /// </summary>
    public static string? Resolve(DockerfileModel model, StageInstruction instruction, string word)
    {
        if (word.IndexOf('$') < 0)
        {
            return DropQuotes(word);
        }
        var result = model.Expand(instruction, word);
        return result.Success && result.Unmatched.Count == 0 ? result.Result : null;
    }

    /// <summary>
    /// True when a value uses variables and every one of them is undefined at the instruction (no ARG of its stages or
    /// before the first FROM declares it, no earlier ENV sets it), so it expands to nothing here: <c>ENV PASSWORD ${PASSWORD}</c>
    /// stores an empty value, not a secret (COPT1110 reports the variable). An ARG without a default is defined: its value
    /// comes from <c>--build-arg</c>.
    /// </summary>
    public static bool ExpandsFromUndefinedOnly(DockerfileModel model, StageInstruction instruction, string value)
    {
        if (value.IndexOf('$') < 0)
        {
            return false;
        }
        var expanded = model.Expand(instruction, value);
        if (!expanded.Success || expanded.Unmatched.Count == 0 || expanded.Matched.Count > 0 || expanded.Result.Trim().Trim('"', '\'').Length > 0)
        {
            return false;
        }
        foreach (string name in expanded.Unmatched)
        {
            if (DeclaredByArg(model, instruction, name))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when an ARG before the instruction, in its stage or a stage it is built on, declares the name.</summary>
    private static bool DeclaredByArg(DockerfileModel model, StageInstruction instruction, string name)
    {
        if (instruction.Stage is not { } stage)
        {
            return false;
        }
        foreach (var owner in stage.Chain)
        {
            foreach (var arg in owner.Instructions)
            {
                if (arg.Syntax.StartLine >= instruction.Syntax.StartLine && owner == stage)
                {
                    break;
                }
                if (arg.Kind == InstructionKind.Arg && arg.Syntax.Arguments.Any(w => w.Value == name || w.Value.StartsWith(name + "=", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The span of <paramref name="length"/> characters at <paramref name="offset"/> of a token's value,
    /// when the token's source text is its value (no continuation inside); otherwise the whole token.
    /// </summary>
    public static TextSpan SubSpan(SyntaxToken token, int offset, int length)
    {
        if (token.Span.Length != token.Value.Length || offset < 0 || offset + length > token.Value.Length)
        {
            return token.Span;
        }
        return new TextSpan(token.Span.Start + offset, length);
    }

    /// <summary>
    /// The COPY/ADD sources and destination (heredoc markers count as sources), or null when there are fewer than two words.
    /// The sources are the arguments' view without the last, not a copy: asked of every ADD and every COPY --from.
    /// </summary>
    public static (ArrayView<SyntaxToken> Sources, SyntaxToken Destination)? SourcesAndDestination(InstructionSyntax syntax)
    {
        var args = syntax.Arguments;
        if (args.Count < 2)
        {
            return null;
        }
        return (args.Slice(0, args.Count - 1), args[args.Count - 1]);
    }
}
