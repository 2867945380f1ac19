using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// An attempted inline comment: Docker reads <c>#</c> as a comment only at the start of a line, so in
/// <c>COPY ./app # Set the working directory</c> the words from <c>#</c> on are arguments. Rules that build a claim or a
/// fix from an instruction's words name this as the cause instead of the words it added.
/// </summary>
public static class InlineComments
{
    /// <summary>
    /// The first argument word that starts with <c>#</c>, or null. RUN, CMD, ENTRYPOINT and HEALTHCHECK are skipped (their
    /// shell text may hold a real shell comment), and so are ONBUILD (its trigger is another instruction) and JSON forms.
    /// </summary>
    public static SyntaxToken? FirstIn(InstructionSyntax instruction)
    {
        if (instruction.Kind is InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Healthcheck
            or InstructionKind.Onbuild or InstructionKind.Shell || instruction.IsJsonForm)
        {
            return null;
        }
        foreach (var word in instruction.Arguments)
        {
            if (word.Value.Length > 0 && word.Value[0] == '#')
            {
                return word;
            }
        }
        return null;
    }
}
