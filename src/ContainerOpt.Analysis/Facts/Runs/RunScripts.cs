using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>Finds every script a RUN executes (ONBUILD RUN included) and parses it once.</summary>
public static class RunScripts
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh" };

    public static List<RunScript> Collect(DockerfileModel model, Dictionary<StageInstruction, ShellSettings> shells)
    {
        var scripts = new List<RunScript>();
        // hadolint's shell pragma: before the first FROM it sets every stage's shell, inside a stage the shell from there on.
        var shellPragmas = Pragma.In(model.Syntax).Where(p => p.Kind == PragmaKind.Shell).ToList();
        int firstFrom = model.Stages.FirstOrDefault(s => !s.IsImplicit)?.From.Syntax.StartLine ?? int.MaxValue;
        var fileShell = shellPragmas.LastOrDefault(p => p.Line < firstFrom) is { } global ? FromPragma(global) : ShellSettings.Default;
        foreach (var stage in model.Stages)
        {
            var shell = fileShell;
            int stageStart = stage.IsImplicit ? 0 : stage.From.Syntax.StartLine;
            var pending = new Queue<Pragma>(shellPragmas.Where(p => p.Line > stageStart && p.Line >= firstFrom));
            foreach (var instruction in stage.Instructions)
            {
                var syntax = instruction.Syntax;
                while (pending.Count > 0 && pending.Peek().Line < syntax.StartLine)
                {
                    shell = FromPragma(pending.Dequeue());
                }
                if (syntax.Kind == InstructionKind.Shell && syntax.IsJsonForm && syntax.Arguments.Count > 0)
                {
                    shell = new ShellSettings(syntax.Arguments.Select(a => a.Value).ToArray(), syntax);
                }
                if (!ReferenceEquals(shell, ShellSettings.Default))
                {
                    shells[instruction] = shell; // ShellAt answers the default for the others: no entry per instruction
                }
                var run = syntax.Effective;
                if (run.Kind == InstructionKind.Run)
                {
                    AddScripts(instruction, run, shell, model.Syntax.Source, scripts);
                }
            }
        }
        return scripts;
    }

    private static void AddScripts(StageInstruction instruction, InstructionSyntax run, ShellSettings shell, SourceText source, List<RunScript> scripts)
    {
        if (run.IsJsonForm)
        {
            // Exec form runs no shell unless it names one: ["sh", "-c", "..."] is read as a command line too.
            var (text, starts) = JoinExecForm(run.Arguments);
            var args = run.Arguments;
            TextSpan Map(int start, int end)
            {
                int first = ElementAt(starts, start), last = ElementAt(starts, Math.Max(start, end - 1));
                return args.Count == 0 ? run.Span : args[first].Span.Union(args[last].Span);
            }
            scripts.Add(new RunScript(instruction, ShellScript.Parse(text), null, shell, Map));
            return;
        }

        string line = run.ArgumentText.Value;
        var lineScript = ShellScript.Parse(line);
        scripts.Add(new RunScript(instruction, lineScript, null, shell, map: null));
        if (run.Heredocs.Count == 0)
        {
            return;
        }
        // RUN <<EOF runs the body with the shell; RUN bash <<EOF feeds it to a shell; RUN python3 <<EOF does not.
        bool bodyIsShell = lineScript.Commands.Count == 0 || lineScript.Commands.All(c => Shells.Contains(c.Name));
        foreach (var heredoc in run.Heredocs)
        {
            string body = heredoc.Content;
            if (!bodyIsShell || IsForeignShebang(body))
            {
                continue;
            }
            int bodyStart = heredoc.BodySpan.Start;
            scripts.Add(new RunScript(instruction, ShellScript.Parse(body), heredoc, shell,
                (s, e) => TextSpan.FromBounds(bodyStart + s, bodyStart + Math.Max(s, e))));
        }
    }

    private static ShellSettings FromPragma(Pragma pragma) => new(new[] { pragma.Shell! }, null);

    private static bool IsForeignShebang(string body)
    {
        if (!body.StartsWith("#!", StringComparison.Ordinal))
        {
            return false;
        }
        int end = body.IndexOf('\n');
        string line = end < 0 ? body : body.Substring(0, end);
        return !Shells.Any(s => line.EndsWith("/" + s, StringComparison.Ordinal) || line.EndsWith(" " + s, StringComparison.Ordinal)
            || line.Contains("/" + s + " ", StringComparison.Ordinal));
    }

    private static (string Text, int[] Starts) JoinExecForm(IReadOnlyList<SyntaxToken> args)
    {
        var sb = new System.Text.StringBuilder();
        var starts = new int[args.Count];
        for (int i = 0; i < args.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            starts[i] = sb.Length;
            string v = args[i].Value;
            // Keep each element one word: quote it when it holds blanks or shell characters.
            bool needsQuotes = i > 0 && v.IndexOfAny(new[] { ' ', '\t', ';', '&', '|', '<', '>', '(', ')', '$', '`', '"', '\'', '\\', '\n', '#' }) >= 0;
            sb.Append(needsQuotes ? "'" + v.Replace("'", "'\\''") + "'" : v);
        }
        return (sb.ToString(), starts);
    }

    private static int ElementAt(int[] starts, int offset)
    {
        int index = 0;
        for (int i = 0; i < starts.Length; i++)
        {
            if (starts[i] <= offset) index = i;
        }
        return index;
    }
}
