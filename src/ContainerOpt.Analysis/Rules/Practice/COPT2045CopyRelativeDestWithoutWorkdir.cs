using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3045: COPY (and ADD) to a relative destination while no WORKDIR is set in the stage
/// or in the stages it builds on (<c>FROM base</c> inherits base's WORKDIR). Absolute destinations
/// start with '/' or a Windows drive; a destination starting with a variable, or using one whose
/// value is unknown, is not reported. For <c>ONBUILD COPY</c> an <c>ONBUILD WORKDIR</c> before it counts too.
/// </summary>
public sealed class COPT2045CopyRelativeDestWithoutWorkdir : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyRelativeDestWithoutWorkdir;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            bool inherited = stage.Ancestors.Any(s => s.Instructions.Any(IsWorkdir));
            bool workdir = inherited, onbuildWorkdir = inherited;
            foreach (var instruction in stage.Instructions)
            {
                var syntax = instruction.Syntax;
                var effective = syntax.Effective;
                bool isOnbuild = syntax.Kind == InstructionKind.Onbuild;
                if (effective.Kind == InstructionKind.Workdir)
                {
                    onbuildWorkdir = true;
                    workdir |= !isOnbuild;
                    continue;
                }
                if (effective.Kind is not (InstructionKind.Copy or InstructionKind.Add) || (isOnbuild ? onbuildWorkdir : workdir)
                    || InstructionFacts.SourcesAndDestination(effective) is not { } parts)
                {
                    continue;
                }
                string raw = InstructionFacts.DropQuotes(parts.Destination.Value);
                if (raw.StartsWith('$'))
                {
                    continue;
                }
                string? destination = InstructionFacts.Resolve(context.Model, instruction, parts.Destination.Value);
                if (destination is null || IsAbsolute(destination))
                {
                    continue;
                }
                context.Report(parts.Destination.Span, effective.Kind.ToKeyword(), destination);
            }
        }
    }

    private static bool IsWorkdir(StageInstruction instruction) => instruction.Syntax.Effective.Kind == InstructionKind.Workdir;

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || (path.Length >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));
}
