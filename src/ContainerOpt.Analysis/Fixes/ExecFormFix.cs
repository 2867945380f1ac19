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
