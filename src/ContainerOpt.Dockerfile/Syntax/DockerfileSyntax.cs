using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>The parsed file: instructions in order, directives, comments and parse diagnostics.</summary>
public sealed class DockerfileSyntax
{
    internal DockerfileSyntax(
        SourceText source,
        InstructionSyntax[] instructions,
        IReadOnlyList<ParserDirective> directives,
        CommentSyntax[] comments,
        IReadOnlyList<ParseDiagnostic> diagnostics,
        char escapeToken)
    {
        Source = source;
        Instructions = instructions;
        Directives = directives;
        Comments = comments;
        Diagnostics = diagnostics;
        EscapeToken = escapeToken;
    }

    public SourceText Source { get; }
    public ArrayView<InstructionSyntax> Instructions { get; }
    public IReadOnlyList<ParserDirective> Directives { get; }

    /// <summary>Every comment line outside heredoc bodies, continuation lines included.</summary>
    public ArrayView<CommentSyntax> Comments { get; }

    public IReadOnlyList<ParseDiagnostic> Diagnostics { get; }

    /// <summary>The escape character in force: '\\' or '`' (from <c># escape=</c>).</summary>
    public char EscapeToken { get; }

    /// <summary>True when BuildKit's parser would reject this file (its AST dump fails).</summary>
    public bool FailsBuildKitParse => Diagnostics.Any(d => d.FailsBuildKitParse);

    public ParserDirective? FindDirective(string name)
    {
        // A loop: LINQ's FirstOrDefault made a closure and a delegate around the name on every call (one a file).
        var directives = Directives;
        for (int i = 0; i < directives.Count; i++)
        {
            if (string.Equals(directives[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return directives[i];
            }
        }
        return null;
    }
}
