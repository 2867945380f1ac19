using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>What an in-file pragma asks for.</summary>
public enum PragmaKind
{
    /// <summary><c># hadolint ignore=DL3008</c>: the next instruction.</summary>
    Ignore,

    /// <summary><c># hadolint global ignore=DL3008</c>: the whole file.</summary>
    GlobalIgnore,

    /// <summary><c># hadolint stage ignore=DL3008</c> right above a FROM: that stage.</summary>
    StageIgnore,

    /// <summary><c># hadolint shell=powershell</c>: the shell RUN scripts run in, from here on (before the first FROM: every stage).</summary>
    Shell,
}

/// <summary>
/// One pragma comment, in hadolint's grammar (its Pragma module and README): <c># hadolint ignore=…</c>,
/// <c>global ignore=…</c>, <c>stage ignore=…</c> (hadolint 2.15) and <c>shell=…</c>, blanks allowed around
/// <c>=</c> and commas, a reason allowed after another <c>#</c>. As hadolint, a <c>hadolint</c> pragma whose list
/// holds a name that is not a DL/SC code is void. The <c># containeropt</c> forms take any of a rule's names.
/// BuildKit's <c># check=</c> directive and comments are read by the engine's suppressions.
/// </summary>
public sealed class Pragma
{
    private static readonly Regex Form = new(
        @"^\s*(?<tool>containeropt|hadolint)\s+(?:(?<scope>global|stage)\s+)?(?:(?<ignore>ignore)|(?<shell>shell))\s*=\s*(?<value>.*)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex HadolintCode = new("^[DLSC0-9]+$", RegexOptions.CultureInvariant);

    private Pragma(PragmaKind kind, int line, IReadOnlyList<string> keys, string? shell)
    {
        Kind = kind;
        Line = line;
        Keys = keys;
        Shell = shell;
    }

    public PragmaKind Kind { get; }

    /// <summary>The comment's line.</summary>
    public int Line { get; }

    /// <summary>The rule names an ignore lists.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The shell a <see cref="PragmaKind.Shell"/> pragma names (<c>powershell</c>, <c>bash</c>).</summary>
    public string? Shell { get; }

    /// <summary>The pragmas of a file, in line order; comments that are not (valid) pragmas are skipped.</summary>
    public static IReadOnlyList<Pragma> In(DockerfileSyntax syntax)
    {
        var list = new List<Pragma>();
        foreach (var comment in syntax.Comments)
        {
            if (Parse(comment) is { } pragma)
            {
                list.Add(pragma);
            }
        }
        return list;
    }

    public static Pragma? Parse(CommentSyntax comment)
    {
        string text = comment.Text;
        // The form starts with its tool's name after blanks (the regex's \s is char.IsWhiteSpace): most comments start
        // otherwise, and need no search or regex to say so.
        int first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }
        if (first >= text.Length || text[first] is not ('c' or 'h'))
        {
            return null;
        }
        var m = Form.Match(text);
        if (!m.Success)
        {
            return null;
        }
        string value = m.Groups["value"].Value;
        int reason = value.IndexOf('#');
        if (reason >= 0)
        {
            value = value.Substring(0, reason);
        }
        bool hadolint = m.Groups["tool"].Value == "hadolint";
        if (m.Groups["shell"].Success)
        {
            string shell = value.Trim();
            return m.Groups["scope"].Success || shell.Length == 0 ? null : new Pragma(PragmaKind.Shell, comment.Line, Array.Empty<string>(), shell);
        }
        var keys = value.Split(',').Select(k => k.Trim()).ToArray();
        if (keys.Length == 0 || keys.Any(k => k.Length == 0) || hadolint && keys.Any(k => !HadolintCode.IsMatch(k)))
        {
            return null;
        }
        var kind = m.Groups["scope"].Value switch
        {
            "global" => PragmaKind.GlobalIgnore,
            "stage" => PragmaKind.StageIgnore,
            _ => PragmaKind.Ignore,
        };
        return new Pragma(kind, comment.Line, keys, null);
    }
}
