using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's WorkdirRelativePath: the first WORKDIR of a stage (and of the stages it builds on) is a
/// relative path, so it depends on the base image's working directory. Later relative WORKDIRs are
/// fine: they are relative to the first one.
/// </summary>
public sealed class COPT1109WorkdirRelativePath : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WorkdirRelativePath;

    public override IReadOnlyList<string> Supersedes => new[] { "COPT2000" };

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Ancestors.Any(s => s.Instructions.Any(i => i.Kind == InstructionKind.Workdir)))
            {
                continue;
            }
            var first = stage.Instructions.FirstOrDefault(i => i.Kind == InstructionKind.Workdir);
            if (first is null || first.Syntax.Arguments.Count == 0)
            {
                continue;
            }
            var token = first.Syntax.Arguments[0];
            var expanded = context.Model.Expand(first, token.Value);
            if (!expanded.Success)
            {
                continue;
            }
            string path = expanded.Result;
            bool windows = stage.Platform?.StartsWith("windows", StringComparison.OrdinalIgnoreCase) == true;
            if (IsAbsolute(path, windows))
            {
                continue;
            }
            string trimmed = path;
            while (trimmed.StartsWith("./", StringComparison.Ordinal)) trimmed = trimmed.Substring(2);
            context.Report(token.Span, path, "/" + (trimmed == "." ? "" : trimmed));
        }
    }

    private static bool IsAbsolute(string path, bool windows)
    {
        if (path.StartsWith("/", StringComparison.Ordinal))
        {
            return true;
        }
        return windows && (path.StartsWith("\\", StringComparison.Ordinal)
            || (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/')));
    }
}
