using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>Finds every script a RUN executes (ONBUILD RUN included) and parses it once.</summary>
public static class RunScripts
{
    /// <summary>The scripts of every RUN in file order, a RUN's scripts together (command line first, then heredoc bodies).</summary>
    /// <remarks>
    /// Records the SHELL in force at each instruction where it is not the default in <paramref name="shells"/>, made on
    /// first entry. A stage starts with the shell its base gives, as both builders do: the shell in force at the end of
    /// the stage it builds on (SHELL is kept in the image's configuration), else the file's shell pragma, else the default.
    /// </remarks>
    public static RunScript[] Collect(DockerfileModel model, ref Dictionary<StageInstruction, ShellSettings>? shells)
    {
        var stages = model.Stages;
        // One array of the right size: every RUN has its command line, and at most one more script per heredoc.
        int most = 0;
        for (int s = 0; s < stages.Count; s++)
        {
            var instructions = stages[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var run = instructions[i].Syntax.Effective;
                if (run.Kind == InstructionKind.Run)
                {
                    most += 1 + (run.IsJsonForm ? 0 : run.Heredocs.Count);
                }
            }
        }
        var scripts = most == 0 ? Array.Empty<RunScript>() : new RunScript[most];
        int count = 0;
        // hadolint's shell pragma: before the first FROM it sets every stage's shell, inside a stage the shell from there on.
        // Most files have none: then nothing is allocated for them.
        var shellPragmas = ShellPragmas(model.Syntax);
        int firstFrom = int.MaxValue;
        for (int s = 0; s < stages.Count; s++)
        {
            if (!stages[s].IsImplicit)
            {
                firstFrom = stages[s].From.Syntax.StartLine;
                break;
            }
        }
        var fileShell = shellPragmas is null ? null : FileShell(shellPragmas, firstFrom);
        // The shell in force at the end of each stage whose shell is not the default, for the stages built on it (by
        // position; made only for a file with a SHELL or a pragma).
        ShellSettings?[]? endShells = null;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            var shell = stage.BaseStage is { } parent && endShells?[parent.Position] is { } inherited ? inherited
                : fileShell ?? ShellSettings.Default;
            int stageStart = stage.IsImplicit ? 0 : stage.From.Syntax.StartLine;
            var pending = shellPragmas is null ? null : StagePragmas(shellPragmas, stageStart, firstFrom);
            var instructions = stage.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                var syntax = instruction.Syntax;
                while (pending is { Count: > 0 } && pending.Peek().Line < syntax.StartLine)
                {
                    shell = FromPragma(pending.Dequeue());
                }
                if (syntax.Kind == InstructionKind.Shell && syntax.IsJsonForm && syntax.Arguments.Count > 0)
                {
                    shell = new ShellSettings(syntax.Arguments.Select(a => a.Value).ToArray(), syntax);
                }
                if (!ReferenceEquals(shell, ShellSettings.Default))
                {
                    (shells ??= new Dictionary<StageInstruction, ShellSettings>())[instruction] = shell; // ShellAt answers the default for the others: no entry per instruction
                }
                var run = syntax.Effective;
                if (run.Kind == InstructionKind.Run)
                {
                    AddScripts(instruction, run, shell, scripts, ref count);
                }
            }
            if (!ReferenceEquals(shell, ShellSettings.Default))
            {
                (endShells ??= new ShellSettings?[stages.Count])[s] = shell;
            }
        }
        if (count < scripts.Length)
        {
            Array.Resize(ref scripts, count); // a heredoc body that is not shell (RUN python3 <<EOF)
        }
        return scripts;
    }

    // The lambdas over pragmas live in their own methods: in Collect their captured locals would make the compiler
    // allocate a closure for every file and every stage, pragmas or not.
    private static ShellSettings? FileShell(List<Pragma> pragmas, int firstFrom) =>
        pragmas.LastOrDefault(p => p.Line < firstFrom) is { } global ? FromPragma(global) : null;

    private static Queue<Pragma> StagePragmas(List<Pragma> pragmas, int stageStart, int firstFrom) =>
        new(pragmas.Where(p => p.Line > stageStart && p.Line >= firstFrom));

    /// <summary>The file's shell pragmas in line order, or null when it has none.</summary>
    private static List<Pragma>? ShellPragmas(DockerfileSyntax syntax)
    {
        List<Pragma>? found = null;
        var comments = syntax.Comments;
        for (int i = 0; i < comments.Count; i++)
        {
            if (Pragma.Parse(comments[i]) is { Kind: PragmaKind.Shell } pragma)
            {
                (found ??= new List<Pragma>()).Add(pragma);
            }
        }
        return found;
    }

    private static void AddScripts(StageInstruction instruction, InstructionSyntax run, ShellSettings shell, RunScript[] scripts, ref int count)
    {
        if (run.IsJsonForm)
        {
            scripts[count++] = ExecFormScript(instruction, run, shell);
            return;
        }

        string line = run.ArgumentText.Value;
        var lineScript = ShellScript.Parse(line);
        scripts[count++] = new RunScript(instruction, lineScript, null, shell, map: null);
        if (run.Heredocs.Count == 0)
        {
            return;
        }
        // RUN <<EOF runs the body with the shell; RUN bash <<EOF feeds it to a shell; RUN python3 <<EOF does not.
        if (!AllPosixShells(lineScript.CommandArray))
        {
            return;
        }
        var heredocs = run.Heredocs;
        for (int h = 0; h < heredocs.Count; h++)
        {
            var heredoc = heredocs[h];
            string body = heredoc.Content;
            if (!IsForeignShebang(body))
            {
                scripts[count++] = new RunScript(instruction, ShellScript.Parse(body), heredoc, shell, map: null);
            }
        }
    }

    /// <summary>True when every command starts a POSIX shell (none: true); a loop, where LINQ's All boxed the view and made a delegate.</summary>
    private static bool AllPosixShells(ShellCommand[] commands)
    {
        for (int i = 0; i < commands.Length; i++)
        {
            if (!ShellFacts.IsPosixShell(commands[i]))
            {
                return false;
            }
        }
        return true;
    }

    // The exec-form script maps back through a delegate, made in its own method: a closure's captured variables
    // (parameters included) are allocated on entry to the method that declares them, so here they cost only these scripts
    // and not every RUN. A heredoc body maps by its own start (RunScript keeps the heredoc), no delegate.
    private static RunScript ExecFormScript(StageInstruction instruction, InstructionSyntax run, ShellSettings shell)
    {
        // Exec form runs no shell unless it names one: ["sh", "-c", "..."] is read as a command line too.
        var (text, starts) = JoinExecForm(run.Arguments);
        var args = run.Arguments;
        TextSpan Map(int start, int end)
        {
            int first = ElementAt(starts, start), last = ElementAt(starts, Math.Max(start, end - 1));
            return args.Count == 0 ? run.Span : args[first].Span.Union(args[last].Span);
        }
        return new RunScript(instruction, ShellScript.Parse(text), null, shell, Map);
    }

    private static ShellSettings FromPragma(Pragma pragma) => new(new[] { pragma.Shell! }, null);

    /// <summary>A <c>#!</c> line that names no POSIX shell (<c>#!/usr/bin/env python3</c>): the body is not shell.</summary>
    private static bool IsForeignShebang(string body)
    {
        if (!body.StartsWith("#!", StringComparison.Ordinal))
        {
            return false;
        }
        int end = body.IndexOf('\n');
        string line = end < 0 ? body.Substring(2) : body.Substring(2, end - 2);
        return !ShellFacts.StartsPosixShell(line.Split(ShebangBlanks, StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly char[] ShebangBlanks = { ' ', '\t', '\r' };

    private static readonly char[] ShellSpecial = { ' ', '\t', ';', '&', '|', '<', '>', '(', ')', '$', '`', '"', '\'', '\\', '\n', '#' };

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
            bool needsQuotes = i > 0 && v.IndexOfAny(ShellSpecial) >= 0;
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
