using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>Writes the CMD or ENTRYPOINT in exec form when the shell does nothing for it (<see cref="ExecFormFix"/>).</summary>
public sealed class COPT1106JsonArgsRecommendedFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.JsonArgsRecommended;

    public override CodeFix? Fix(FixContext context) =>
        context.InstructionAt(context.Finding.Span.Start) is { } instruction ? ExecFormFix.Fix(context, instruction) : null;
}
