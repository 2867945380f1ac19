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
            bool inherited = AncestorSetsWorkdir(stage);
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
                // The destination is the last of at least two words, read in place.
                if (effective.Kind is not (InstructionKind.Copy or InstructionKind.Add) || (isOnbuild ? onbuildWorkdir : workdir)
                    || effective.Arguments.Count < 2)
                {
                    continue;
                }
                var destinationToken = effective.Arguments[effective.Arguments.Count - 1];
                string raw = InstructionFacts.DropQuotes(destinationToken.Value);
                if (raw.StartsWith('$'))
                {
                    continue;
                }
                string? destination = InstructionFacts.Resolve(context.Model, instruction, destinationToken.Value);
                if (destination is null || IsAbsolute(destination))
                {
                    continue;
                }
                context.Report(destinationToken.Span, effective.Kind.ToKeyword(), destination);
            }
        }
    }

    /// <summary>True when a stage this one is built on (its base, the base's base ...) has a WORKDIR, ONBUILD ones included.</summary>
    private static bool AncestorSetsWorkdir(Stage stage)
    {
        var chain = stage.Chain;
        for (int s = 0; s < chain.Count - 1; s++)
        {
            var instructions = chain[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (instructions[i].Syntax.Effective.Kind == InstructionKind.Workdir)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || (path.Length >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));
}
