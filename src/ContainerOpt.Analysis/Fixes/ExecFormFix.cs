using System.Text;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>
/// A shell-form CMD or ENTRYPOINT written in exec form, when the shell does nothing for it: one simple command whose
/// words are plain (no variable, substitution, glob, brace or tilde; quotes are fine, the exec form gets the words the
/// shell would have made), with no operator, redirection, comment or prefix assignment. <c>exec</c> in front goes (the
/// exec form is exec'd). Each word is replaced by its JSON string where it stands, so continuation lines and the comments
/// among them stay. Not made on Windows stages (cmd), inside ONBUILD, for an ENTRYPOINT whose stage (or a stage built on it)
/// sets a CMD that would become its arguments, nor for a CMD that an ENTRYPOINT of its image would receive.
/// </summary>
internal static class ExecFormFix
{
    private static readonly char[] ShellCharacters = { '$', '`', '*', '?', '[', ']', '{', '}', '~', '\\' };

    public static CodeFix? Fix(FixContext context, StageInstruction instruction)
    {
        var syntax = instruction.Syntax;
        if (syntax.Kind is not (InstructionKind.Cmd or InstructionKind.Entrypoint) || syntax.IsJsonForm || syntax.HasErrors
            || instruction.Stage is not { } stage || context.Facts.IsWindows(stage))
        {
            return null;
        }
        string text = syntax.ArgumentText.Value;
        var script = ShellScript.Parse(text);
        if (!script.IsComplete || script.Commands.Count != 1)
        {
            return null;
        }
        var command = script.Commands[0];
        if (command.Depth != 0 || command.Assignments.Count > 0 || command.Words.Count == 0)
        {
            return null;
        }
        var words = command.Words;
        int position = 0;
        foreach (var word in words)
        {
            if (!IsBlank(text, position, word.Start) || word.HasExpansion || word.Raw.IndexOfAny(ShellCharacters) >= 0)
            {
                return null;
            }
            position = word.End;
        }
        if (!IsBlank(text, position, text.Length))
        {
            return null; // an operator, a redirection or a comment follows
        }
        int first = words.Count > 1 && words[0].Raw == "exec" ? 1 : 0;
        if (syntax.Kind == InstructionKind.Entrypoint ? CmdBecomesArguments(context.Model, stage) : EntrypointReceives(context.Model, stage))
        {
            return null;
        }

        var edits = new List<FixEdit?>();
        if (first == 1)
        {
            edits.Add(context.Delete(Dockerfile.Text.TextSpan.FromBounds(syntax.MapArgumentText(words[0].Start, 1).Start,
                syntax.MapArgumentText(words[1].Start, 1).Start)));
        }
        for (int i = first; i < words.Count; i++)
        {
            var span = syntax.MapArgumentText(words[i].Start, words[i].End - words[i].Start);
            string element = (i == first ? "[" : "") + JsonString(words[i].Value) + (i == words.Count - 1 ? "]" : ",");
            edits.Add(context.Replace(span, element));
        }
        return context.Offer($"Write {syntax.Kind.ToKeyword()} in exec form", edits);
    }

    /// <summary>True when a CMD of the stage, or of a stage built on it, would be passed to an exec-form ENTRYPOINT of the stage.</summary>
    private static bool CmdBecomesArguments(DockerfileModel model, Stage stage) =>
        model.Stages.Any(s => s.Chain.Contains(stage) && s.Instructions.Any(i => i.Kind == InstructionKind.Cmd));

    /// <summary>True when an ENTRYPOINT of the stage's chain, or of a stage built on it, would receive the CMD as arguments.</summary>
    private static bool EntrypointReceives(DockerfileModel model, Stage stage) =>
        stage.Chain.Any(s => s.Instructions.Any(i => i.Kind == InstructionKind.Entrypoint))
        || model.Stages.Any(s => s.Chain.Contains(stage) && s.Instructions.Any(i => i.Kind == InstructionKind.Entrypoint));

    /// <summary>
    /// True when a shell-form CMD of the stage only becomes <c>/bin/sh -c …</c> arguments of a program: the ENTRYPOINT in effect
    /// (the last of the stage's chain) is in exec form and names neither a shell, nor a wrapper that execs its arguments
    /// (<c>tini</c>, <c>gosu</c>, <c>env</c>…), nor an entrypoint script (which usually ends <c>exec "$@"</c>). No shell
    /// then runs as PID 1, so no signal is lost, and neither the exec form nor <c>exec</c> changes what runs.
    /// </summary>
    public static bool CmdIsProgramArguments(Stage stage)
    {
        InstructionSyntax? entrypoint = null;
        foreach (var instruction in stage.ChainInstructions)
        {
            if (instruction.Kind == InstructionKind.Entrypoint)
            {
                entrypoint = instruction.Syntax;
            }
        }
        if (entrypoint is not { IsJsonForm: true } || entrypoint.Arguments.Count == 0)
        {
            return false;
        }
        string program = ShellFacts.ProgramName(entrypoint.Arguments[0].Value);
        return !ShellFacts.RunsArgumentsAsCommandLine(program) && !ShellFacts.RunsArgumentsAsCommand(program)
            && !program.EndsWith(".sh", StringComparison.Ordinal) && !program.EndsWith(".bash", StringComparison.Ordinal) && !program.Contains("entrypoint");
    }

    private static bool IsBlank(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Where <c>exec</c> goes in a shell-form command line so that its last command replaces the shell and gets the signals:
    /// before the last command's first word, when the line is a list of simple commands joined by <c>&amp;&amp;</c> or <c>;</c>
    /// (no pipe, <c>||</c>, background or compound command). -1 when there is no such place, or the last command starts
    /// with <c>exec</c> already (see <see cref="ExecsLastCommand"/>).
    /// </summary>
    public static int ExecInsertionPoint(string commandLine)
    {
        if (commandLine.TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            return -1; // a JSON array Docker could not read (COPT1200's finding), not a command line
        }
        var last = LastListCommand(commandLine);
        return last is null || last.Words[0].Raw == "exec" ? -1 : last.Words[0].Start;
    }

    /// <summary>True when the shell-form command line ends by exec'ing its last command (<c>exec app</c>, <c>cd /app &amp;&amp; exec app</c>).</summary>
    public static bool ExecsLastCommand(string commandLine) => LastListCommand(commandLine) is { } last && last.Words[0].Raw == "exec";

    private static Shell.ShellCommand? LastListCommand(string commandLine)
    {
        var script = ShellScript.Parse(commandLine);
        var commands = script.Commands;
        if (!script.IsComplete || commands.Count == 0)
        {
            return null;
        }
        for (int i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Depth != 0 || command.IsInPipeline || command.Words.Count == 0
                || command.PrecedingOperator is not (Shell.ShellOperator.None or Shell.ShellOperator.And or Shell.ShellOperator.Sequence))
            {
                return null;
            }
        }
        return commands[commands.Count - 1];
    }

    /// <summary>A JSON string literal, as BuildKit's JSON form reads it.</summary>
    internal static string JsonString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
