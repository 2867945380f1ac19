using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>A COPY/ADD source taken from the build context (not <c>--from</c>, not a URL or heredoc), as a path in the context: the view the .NET rules compare with the project's files.</summary>
public sealed class ContextSource
{
    internal ContextSource(StageInstruction instruction, SyntaxToken token, string path)
    {
        Instruction = instruction;
        Token = token;
        Path = path;
    }

    public StageInstruction Instruction { get; }

    /// <summary>The source word as written.</summary>
    public SyntaxToken Token { get; }

    /// <summary>Expanded, relative to the context, '/'-separated, cleaned: "" is the whole context.</summary>
    public string Path { get; }

    /// <summary>True for <c>.</c>, <c>./</c>, <c>*</c>, <c>/</c>: the whole build context.</summary>
    public bool IsWholeContext => Path.Length == 0 || Path == "*";

    /// <summary>The sources of a COPY/ADD (not an ONBUILD trigger) that come from the build context, expanded and cleaned.</summary>
    internal static IReadOnlyList<ContextSource> Of(CopyInstruction? copy)
    {
        if (copy is null || !copy.FromContext || copy.IsOnbuild)
        {
            return Array.Empty<ContextSource>();
        }
        // A loop, not LINQ: every COPY of every file comes through here once.
        var all = copy.Sources;
        var sources = new ContextSource[all.Count];
        int count = 0;
        for (int i = 0; i < all.Count; i++)
        {
            var s = all[i];
            if (!s.IsHeredoc && s.IsExpanded && s.Value.IndexOf("://", StringComparison.Ordinal) < 0 && !s.Value.StartsWith("git@", StringComparison.Ordinal))
            {
                sources[count++] = new ContextSource(copy.Instruction, s.Token, ContextPaths.CleanSource(s.Value));
            }
        }
        if (count == 0)
        {
            return Array.Empty<ContextSource>();
        }
        if (count < sources.Length)
        {
            Array.Resize(ref sources, count);
        }
        return sources;
    }

    public override string ToString() => Path;
}
