using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's CopyIgnoredFile: a COPY or ADD source from the build context that .dockerignore excludes,
/// so the build fails or copies less than intended. Like BuildKit, silent when .dockerignore has
/// exception lines (<c>!path</c>), whose effect cannot be judged without the files; the context root
/// (<c>.</c>) counts only when a pattern (<c>*</c>, <c>**</c>, <c>**/*</c>) excludes everything.
/// Sources from another stage or image (<c>--from</c>), URLs, git repositories and heredocs are not
/// in the context and are not checked.
/// </summary>
public sealed class COPT1117CopyIgnoredFile : DockerfileRule
{
    private static readonly HashSet<string> RootPatterns = new(StringComparer.Ordinal) { "*", "**", "**/*" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyIgnoredFile;

    public override void Analyze(RuleContext context)
    {
        var ignore = context.DockerIgnore;
        if (ignore is null)
        {
            return;
        }
        var lines = ignore.Lines; // a new list per read: read once
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("!", StringComparison.Ordinal))
            {
                return;
            }
        }
        bool? rootIgnored = null; // asked only of a COPY of the context root
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var instructions = stages[s].Instructions;
            for (int n = 0; n < instructions.Count; n++)
            {
                var instruction = instructions[n];
                var syntax = instruction.Syntax;
                bool isAdd = syntax.Kind == InstructionKind.Add;
                if (!isAdd && syntax.Kind != InstructionKind.Copy)
                {
                    continue;
                }
                if (!isAdd && syntax.FindFlag("from") is not null)
                {
                    continue;
                }
                for (int i = 0; i < syntax.Arguments.Count - 1; i++)
                {
                    var argument = syntax.Arguments[i];
                    if (BuildKitSemantics.IsHeredocMarker(syntax, argument))
                    {
                        continue;
                    }
                    string source = context.Model.ExpandedOrWritten(instruction, argument.Value);
                    if (isAdd && IsRemote(source))
                    {
                        continue;
                    }
                    string cleaned = DockerIgnore.CleanPath(source);
                    bool excluded = cleaned is "." or "/" ? rootIgnored ??= IgnoresRoot(lines) : ignore.IsExcluded(cleaned);
                    if (excluded)
                    {
                        string verb = isAdd ? "Add" : "Copy";
                        context.Report(argument.Span, verb, cleaned, verb.ToLowerInvariant(), context.Facts.DockerIgnoreName);
                    }
                }
            }
        }
    }

    private static bool IgnoresRoot(IReadOnlyList<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (RootPatterns.Contains(lines[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.Ordinal) || source.StartsWith("https://", StringComparison.Ordinal)
        || source.StartsWith("git@", StringComparison.Ordinal) || source.StartsWith("git://", StringComparison.Ordinal)
        || source.StartsWith("ssh://", StringComparison.Ordinal);
}
