using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3021: COPY or ADD of several sources to a destination that does not end with '/'. The
/// classic builder fails such a build ("the destination must be a directory and end with a /"); BuildKit
/// creates the folder and builds (both shown on the real engine). Windows containers are built by the
/// classic builder only: there it is an error, elsewhere a warning. A destination with a variable is
/// checked when its value is known; a Windows destination may end with '\'.
/// When the instruction swallowed a later instruction's line (<see cref="SwallowedLines"/>: <c>COPY . C:\src\</c> then
/// <c>RUN …</c>), its "sources" and "destination" are that line's words: the finding is at the escape character and names
/// the continuation as the cause, not a slash missing from a word that is no destination. Likewise when the words end
/// with an attempted inline comment (<see cref="InlineComments"/>: <c>COPY ./app # Set the working directory</c>): the
/// finding is at the <c>#</c> and says to put the comment on its own line.
/// </summary>
public sealed class COPT2021CopyMultipleSourcesDestSlash : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyMultipleSourcesDestSlash;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            // Two sources (heredoc markers count) and the destination, the last word: read in place.
            var args = syntax.Arguments;
            if (syntax.Kind is not (InstructionKind.Copy or InstructionKind.Add) || args.Count < 3)
            {
                continue;
            }
            var destinationToken = args[args.Count - 1];
            string? destination = InstructionFacts.Resolve(context.Model, instruction, destinationToken.Value);
            if (destination is null || destination.EndsWith('/') || destination.EndsWith('\\'))
            {
                continue;
            }
            var swallowed = context.Facts.FirstSwallowedBy(instruction.Syntax);
            var comment = swallowed is null ? InlineComments.FirstIn(syntax) : null;
            var span = swallowed?.EscapeSpan ?? comment?.Span ?? destinationToken.Span;
            string fix = swallowed is not null ? Continuation(swallowed, destination)
                : comment is not null ? Comment(destination)
                : $": end it with a slash ('{destination}/')";
            // BuildKit creates the folder; the classic builder fails the build — and it is the only one for Windows containers.
            if (comment is not null)
            {
                context.Report(span, syntax.Kind.ToKeyword(), fix, "Both builders read '#' and the comment's words as sources.");
            }
            else if (context.Facts.IsWindows(instruction.Stage))
            {
                context.ReportAs(DiagnosticSeverity.Error, span, syntax.Kind.ToKeyword(), fix,
                    "Windows containers are built by the classic builder, which fails the build here.");
            }
            else
            {
                context.Report(span, syntax.Kind.ToKeyword(), fix,
                    "BuildKit creates the folder, but the classic builder (DOCKER_BUILDKIT=0, older engines) fails the build.");
            }
        }
    }

    /// <summary>The cause when the destination is the last word of an attempted inline comment.</summary>
    private static string Comment(string destination) =>
        $", but Docker has no inline comments: the words from '#' on are arguments, so '{destination}' is no destination; put the comment on its own line";

    /// <summary>The cause when the destination is a swallowed line's last word: the continuation, and how to end it.</summary>
    private static string Continuation(SwallowedLine swallowed, string destination)
    {
        string remedy = swallowed.WindowsPath
            ? $"make '# escape=`' the first line of the file, or do not end line {swallowed.Line} with '{swallowed.Escape}'"
            : $"remove the '{swallowed.Escape}' at the end of line {swallowed.Line}";
        return $", but this {swallowed.Keyword} continues onto line {swallowed.Next} ('{swallowed.NextText}') because line {swallowed.Line} " +
            $"ends with the escape character '{swallowed.Escape}', so its last word '{destination}' is no destination: {remedy}";
    }
}
