using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>A source of a COPY/ADD taken from the build context (not <c>--from</c>, not a URL or heredoc).</summary>
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

    /// <summary>The COPY/ADD sources of an instruction that come from the build context, expanded and cleaned.</summary>
    internal static IReadOnlyList<ContextSource> Of(DockerfileModel model, StageInstruction instruction)
    {
        var syntax = instruction.Syntax;
        if (syntax.Kind is not (InstructionKind.Copy or InstructionKind.Add) || syntax.FindFlag("from") is not null || syntax.Arguments.Count < 2)
        {
            return Array.Empty<ContextSource>();
        }
        var heredocNames = new HashSet<string>(syntax.Heredocs.Select(h => h.Name), StringComparer.Ordinal);
        var result = new List<ContextSource>();
        for (int i = 0; i < syntax.Arguments.Count - 1; i++)
        {
            var token = syntax.Arguments[i];
            string raw = token.Value;
            if (raw.StartsWith("<<", StringComparison.Ordinal) || heredocNames.Contains(raw)
                || raw.Contains("://", StringComparison.Ordinal) || raw.StartsWith("git@", StringComparison.Ordinal))
            {
                continue;
            }
            var expanded = model.Expand(instruction, raw);
            if (expanded.Error is not null)
            {
                continue;
            }
            result.Add(new ContextSource(instruction, token, ContextPaths.CleanSource(expanded.Result)));
        }
        return result;
    }

    public override string ToString() => Path;
}
