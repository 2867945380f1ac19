using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Engine;

/// <summary>What analysing one Dockerfile produced.</summary>
public sealed class AnalysisResult
{
    public AnalysisResult(DockerfileSyntax syntax, DockerfileModel model, IReadOnlyList<Finding> findings)
    {
        Syntax = syntax;
        Model = model;
        Findings = findings;
    }

    public DockerfileSyntax Syntax { get; }
    public DockerfileModel Model { get; }

    /// <summary>Findings in source order, suppressed ones removed, severities as configured.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public bool HasErrors => Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
