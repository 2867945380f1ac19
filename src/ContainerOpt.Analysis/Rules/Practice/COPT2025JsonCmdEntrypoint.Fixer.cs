using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Writes the CMD or ENTRYPOINT in exec form when the shell does nothing for it (<see cref="ExecFormFix"/>; not inside ONBUILD).</summary>
public sealed class COPT2025JsonCmdEntrypointFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.JsonCmdEntrypoint;

    public override CodeFix? Fix(FixContext context) =>
        context.InstructionAt(context.Finding.Span.Start) is { } instruction ? ExecFormFix.Fix(context, instruction) : null;
}
