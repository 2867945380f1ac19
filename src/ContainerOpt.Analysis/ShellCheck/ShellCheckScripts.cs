using System.Text;
using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>
/// The scripts ShellCheck checks, from <see cref="DockerfileFacts.RunScripts"/>, each as BuildKit hands it to a shell:
/// <list type="bullet">
/// <item>shell form: the command line (continuations joined as BuildKit joins them), in the dialect of the SHELL in force;</item>
/// <item><c>RUN &lt;&lt;EOF</c> alone: the body (BuildKit runs it with the SHELL, or by its own <c>#!</c> line);</item>
/// <item>a command with heredocs (<c>RUN cat &lt;&lt;EOF &gt; f</c>): the command line with each body and terminator
/// appended, as BuildKit builds it; a quoted body fed to a shell (<c>RUN bash &lt;&lt;'EOF'</c>) is also checked on its own;</item>
/// <item>exec form: only <c>["sh", "-c", "script"]</c> and the like (no shell runs otherwise), in that program's dialect.</item>
/// </list>
/// Skipped: PowerShell and cmd SHELLs, shells ShellCheck does not know (zsh), stages on a Windows image without
/// a SHELL, and RUNs after hadolint's <c># hadolint shell=powershell</c> pragma. An ONBUILD RUN runs in the image
/// built on this one: with the stage's last SHELL and its ENV (not its ARGs, which do not reach that image).
/// </summary>
public static class ShellCheckScripts
{
    /// <summary>The proxy variables every build may pass (BuildKit's predefined ARGs): never reported as unset.</summary>
    private static readonly string[] ProxyVariables =
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    };

    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>BuildKit's test for a RUN that is one heredoc and nothing else (its body is then the script).</summary>
    private static readonly Regex LoneHeredoc = new(@"^[0-9]*<<-?\s*(""[^""]*""|'[^']*'|[^\s""']+)$", RegexOptions.CultureInvariant);

    private static readonly Regex ShellPragma = new(@"^hadolint\s+shell\s*=\s*(\S+)", RegexOptions.CultureInvariant);

    public static IReadOnlyList<ShellCheckScript> Collect(DockerfileFacts facts)
    {
        var result = new List<ShellCheckScript>();
        var pragmas = ShellPragmas(facts.Syntax);
        foreach (var group in facts.RunScripts.GroupBy(r => r.Run))
        {
            var scripts = group.ToList();
            var first = scripts[0];
            var run = first.Run;
            var stage = first.Instruction.Stage;
            if (stage is null)
            {
                continue;
            }
            var variables = DeclaredVariables(first, stage, facts.Model);
            if (run.IsJsonForm)
            {
                AddExecForm(facts.Source, run, variables, result);
                continue;
            }
            ShellCheckDialect? lineDialect = DialectOf(first, stage, facts, pragmas, out bool windows);
            if (windows)
            {
                continue;
            }
            var line = scripts.FirstOrDefault(s => s.Heredoc is null) ?? first;
            string lineText = run.ArgumentText.Value;
            if (run.Heredocs.Count == 0)
            {
                if (lineDialect is { } d && lineText.Trim().Length > 0)
                {
                    result.Add(new ShellCheckScript(run, d, variables).Append(lineText, (s, e) => run.MapArgumentText(s, e - s)));
                }
                continue;
            }
            if (run.Heredocs.Count == 1 && LoneHeredoc.IsMatch(lineText.Trim()))
            {
                // BuildKit runs the body: by its #! line when it has one, else with the SHELL.
                var heredoc = run.Heredocs[0];
                var dialect = ShebangDialect(heredoc.ChompedContent, out bool hasShebang) ?? (hasShebang ? null : lineDialect);
                if (dialect is { } bodyDialect)
                {
                    result.Add(Body(run, heredoc, bodyDialect, variables));
                }
                continue;
            }
            if (lineDialect is { } composedDialect)
            {
                // BuildKit appends "\n" + body + terminator for each heredoc to the command line.
                var composed = new ShellCheckScript(run, composedDialect, variables)
                    .Append(lineText, (s, e) => run.MapArgumentText(s, e - s));
                foreach (var heredoc in run.Heredocs)
                {
                    var end = new TextSpan(heredoc.BodySpan.End, 0);
                    composed.Append("\n", (_, _) => end);
                    AppendBody(composed, heredoc);
                    composed.Append(heredoc.Name, (_, _) => end);
                }
                result.Add(composed);
            }
            // A body given literally ('EOF') to a shell (bash <<'EOF') is a script of that shell as well.
            if (lineDialect is not null && line.Script.Commands.Count == 1 && ShellCheckDialects.Of(new[] { line.Script.Commands[0].Name }) is { } fedTo)
            {
                foreach (var heredoc in run.Heredocs.Where(h => !h.Expand && h.FileDescriptor == 0))
                {
                    var dialect = ShebangDialect(heredoc.ChompedContent, out bool hasShebang) ?? (hasShebang ? null : fedTo);
                    if (dialect is { } d)
                    {
                        result.Add(Body(run, heredoc, d, variables));
                    }
                }
            }
        }
        return result;
    }

    private static ShellCheckScript Body(InstructionSyntax run, HeredocSyntax heredoc, ShellCheckDialect dialect, IReadOnlyCollection<string> variables)
    {
        var script = new ShellCheckScript(run, dialect, variables);
        AppendBody(script, heredoc);
        if (script.Text.StartsWith("#!", StringComparison.Ordinal))
        {
            // The dialect says the shell; the #! line would no longer be the first once the declarations come first
            // (SC1128), so it becomes a comment of the same length and every column stays where it is.
            int end = script.Text.IndexOf('\n');
            script.Overwrite(1, new string(' ', (end < 0 ? script.Text.Length : end) - 1));
        }
        return script;
    }

    /// <summary>Appends a heredoc body as the shell gets it (<c>&lt;&lt;-</c>: leading tabs removed), mapped to the source.</summary>
    private static void AppendBody(ShellCheckScript script, HeredocSyntax heredoc)
    {
        string content = heredoc.Content;
        int bodyStart = heredoc.BodySpan.Start;
        if (!heredoc.Chomp)
        {
            script.Append(content, (s, e) => TextSpan.FromBounds(bodyStart + s, bodyStart + e));
            return;
        }
        // Offsets of the chomped text in the body as written.
        var chomped = new StringBuilder(content.Length);
        var at = new List<int>(content.Length + 1);
        bool lineStart = true;
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (lineStart && c == '\t')
            {
                continue;
            }
            lineStart = c == '\n';
            chomped.Append(c);
            at.Add(i);
        }
        at.Add(content.Length);
        script.Append(chomped.ToString(), (s, e) => TextSpan.FromBounds(bodyStart + at[s], bodyStart + (e > s ? at[e - 1] + 1 : at[s])));
    }

    /// <summary>The dialect of a body's <c>#!</c> line; <paramref name="hasShebang"/> says whether there is one (a foreign one gives null).</summary>
    private static ShellCheckDialect? ShebangDialect(string body, out bool hasShebang)
    {
        hasShebang = body.StartsWith("#!", StringComparison.Ordinal);
        if (!hasShebang)
        {
            return null;
        }
        int end = body.IndexOf('\n');
        string line = (end < 0 ? body : body.Substring(0, end)).Substring(2).Trim();
        return ShellCheckDialects.Of(line.Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Exec form runs no shell unless it names one: <c>["/bin/bash", "-o", "pipefail", "-c", "script"]</c>.</summary>
    private static void AddExecForm(SourceText source, InstructionSyntax run, IReadOnlyCollection<string> variables, List<ShellCheckScript> result)
    {
        var args = run.Arguments;
        if (ShellCheckDialects.Of(args.Select(a => a.Value).ToArray(), out int program) is not { } dialect)
        {
            return;
        }
        // Options up to the first operand; with -c (alone or in a group: -ec, -xc) that operand is the script.
        bool command = false;
        int i = program + 1;
        for (; i < args.Count; i++)
        {
            string a = args[i].Value;
            if (a == "--")
            {
                i++;
                break;
            }
            if (a.Length < 2 || a[0] is not ('-' or '+'))
            {
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            command |= a[0] == '-' && a.IndexOf('c') > 0;
            if (a.EndsWith("o", StringComparison.Ordinal))
            {
                i++; // -o pipefail, -eo pipefail: the option's name follows
            }
        }
        if (!command || i >= args.Count || args[i].Value.Trim().Length == 0)
        {
            return;
        }
        var token = args[i];
        result.Add(new ShellCheckScript(run, dialect, variables).Append(token.Value, JsonStringMap(source, token)));
    }

    /// <summary>Maps characters of a JSON string's value to the source inside its quotes, escapes included.</summary>
    private static Func<int, int, TextSpan> JsonStringMap(SourceText source, SyntaxToken token)
    {
        var whole = token.Span;
        Func<int, int, TextSpan> fallback = (_, _) => whole;
        if (whole.End > source.Length || whole.Length < 2 || source.Text[whole.Start] != '"')
        {
            return fallback;
        }
        // The source offset where each value character's text begins (an escape such as \" or \u00e9 is one character).
        var at = new List<int>(whole.Length);
        var value = new StringBuilder(whole.Length);
        int i = whole.Start + 1, end = whole.End - 1;
        while (i < end)
        {
            at.Add(i);
            char c = source.Text[i];
            if (c != '\\' || i + 1 >= end)
            {
                value.Append(c);
                i++;
                continue;
            }
            char e = source.Text[i + 1];
            if (e == 'u' && i + 6 <= end
                && int.TryParse(source.Text.Substring(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int code))
            {
                value.Append((char)code);
                i += 6;
                continue;
            }
            value.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
            i += 2;
        }
        at.Add(end);
        if (!string.Equals(value.ToString(), token.Value, StringComparison.Ordinal))
        {
            // A string broken over continuation lines: point at the whole element.
            return fallback;
        }
        return (s, e) => TextSpan.FromBounds(at[s], e > s ? at[e] : at[s]);
    }

    /// <summary>
    /// The dialect of a shell-form RUN's command line: its SHELL (for ONBUILD, the stage's last SHELL), else the
    /// stage's <c># hadolint shell=</c> pragma, else /bin/sh. Null for a shell ShellCheck does not check (PowerShell,
    /// cmd, zsh…). <paramref name="windows"/>: a stage on a Windows image without a SHELL (cmd; no #! lines either).
    /// </summary>
    private static ShellCheckDialect? DialectOf(RunScript script, Stage stage, DockerfileFacts facts, List<(int Line, string Shell)> pragmas, out bool windows)
    {
        windows = false;
        var shell = script.IsOnbuild && stage.Instructions.Count > 0 ? facts.ShellAt(stage.Instructions[stage.Instructions.Count - 1]) : script.Shell;
        IReadOnlyList<string> program = shell.Arguments;
        if (shell.Instruction is null)
        {
            string? pragma = null;
            int firstFrom = facts.Model.Stages.FirstOrDefault(s => !s.IsImplicit)?.From.Syntax.StartLine ?? int.MaxValue;
            foreach (var (line, name) in pragmas)
            {
                // A pragma before the first FROM applies to every stage; one in the stage, to the RUNs after it.
                if (line < script.Run.StartLine && (line < firstFrom || stage.IsImplicit || line > stage.From.Syntax.StartLine))
                {
                    pragma = name;
                }
            }
            if (pragma is not null)
            {
                program = new[] { pragma };
            }
            else if (facts.IsWindows(stage))
            {
                windows = true;
                return null;
            }
        }
        return ShellCheckDialects.Of(program);
    }

    private static List<(int Line, string Shell)> ShellPragmas(DockerfileSyntax syntax)
    {
        var list = new List<(int, string)>();
        foreach (var comment in syntax.Comments)
        {
            var m = ShellPragma.Match(comment.Text);
            if (m.Success)
            {
                list.Add((comment.Line, m.Groups[1].Value));
            }
        }
        return list;
    }

    /// <summary>
    /// The names a RUN may read although the script does not set them: the proxy variables, every ARG (with or
    /// without a value) and ENV of the stage before it and the ENV it inherits; for an ONBUILD RUN, the stage's ENV only.
    /// </summary>
    private static IReadOnlyCollection<string> DeclaredVariables(RunScript script, Stage stage, DockerfileModel model)
    {
        var names = new SortedSet<string>(ProxyVariables, StringComparer.Ordinal);
        if (script.IsOnbuild)
        {
            names.UnionWith(stage.FinalScope.EnvironmentOnly().Keys);
        }
        else
        {
            names.UnionWith(script.Instruction.Scope.ToDictionary().Keys);
            // Before any FROM (the implicit stage of a file without one), the ARGs are the file's global ones.
            var earlier = stage.IsImplicit ? model.GlobalArgs.Where(a => a.Syntax.StartLine < script.Run.StartLine).Concat(stage.Instructions) : stage.Instructions;
            foreach (var instruction in earlier)
            {
                if (ReferenceEquals(instruction, script.Instruction))
                {
                    break;
                }
                if (instruction.Kind == InstructionKind.Arg)
                {
                    foreach (var word in instruction.Syntax.Arguments)
                    {
                        int eq = word.Value.IndexOf('=');
                        names.Add(eq < 0 ? word.Value : word.Value.Substring(0, eq));
                    }
                }
            }
        }
        names.RemoveWhere(n => !Identifier.IsMatch(n));
        return names;
    }
}
