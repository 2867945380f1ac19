using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3021: COPY or ADD of several sources to a destination that does not end with '/'. The
/// classic builder fails such a build ("the destination must be a directory and end with a /"); BuildKit
/// creates the folder and builds (both shown on the real engine). Windows containers are built by the
/// classic builder only: there it is an error, elsewhere a warning. A destination with a variable is
/// checked when its value is known; a Windows destination may end with '\'.
/// </summary>
public sealed class COPT2021CopyMultipleSourcesDestSlash : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyMultipleSourcesDestSlash;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind is not (InstructionKind.Copy or InstructionKind.Add)
                || InstructionFacts.SourcesAndDestination(syntax) is not { } parts || parts.Sources.Count < 2)
            {
                continue;
            }
            string? destination = InstructionFacts.Resolve(context.Model, instruction, parts.Destination.Value);
            if (destination is null || destination.EndsWith('/') || destination.EndsWith('\\'))
            {
                continue;
            }
            // BuildKit creates the folder; the classic builder fails the build — and it is the only one for Windows containers.
            if (context.Facts.IsWindows(instruction.Stage))
            {
                context.ReportAs(DiagnosticSeverity.Error, parts.Destination.Span, syntax.Kind.ToKeyword(), destination,
                    "Windows containers are built by the classic builder, which fails the build here.");
            }
            else
            {
                context.Report(parts.Destination.Span, syntax.Kind.ToKeyword(), destination,
                    "BuildKit creates the folder, but the classic builder (DOCKER_BUILDKIT=0, older engines) fails the build.");
            }
        }
    }
}
