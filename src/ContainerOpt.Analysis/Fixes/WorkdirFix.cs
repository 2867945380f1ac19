using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>A relative WORKDIR written as the absolute path it means, given the working directory before it.</summary>
internal static class WorkdirFix
{
    public static CodeFix? Absolute(FixContext context, StageInstruction instruction, string before)
    {
        var token = instruction.Syntax.Arguments[0];
        string path = token.Value;
        // Only a plain path: a variable, quotes or an escape would have to be carried into the new one.
        if (path.Length == 0 || path.StartsWith("/", StringComparison.Ordinal) || path.IndexOfAny(new[] { '$', '"', '\'', ' ', '\t', context.Escape, '\\' }) >= 0
            || instruction.Syntax.EndLine != instruction.Syntax.StartLine)
        {
            return null;
        }
        string absolute = LayerPaths.Resolve(path, before);
        return context.Offer($"Write WORKDIR {absolute}", context.Replace(token.Span, absolute));
    }
}
