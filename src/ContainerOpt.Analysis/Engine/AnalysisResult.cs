using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Engine;

/// <summary>What analysing one Dockerfile produced.</summary>
public sealed class AnalysisResult
{
    public AnalysisResult(DockerfileSyntax syntax, DockerfileModel model, IReadOnlyList<Finding> findings)
        : this(syntax, model, findings, null)
    {
    }

    internal AnalysisResult(DockerfileSyntax syntax, DockerfileModel model, IReadOnlyList<Finding> findings, Facts.DockerfileFacts? facts)
    {
        Syntax = syntax;
        Model = model;
        Findings = findings;
        Facts = facts;
    }

    /// <summary>The facts the rules read (null when the file did not parse): what the fixers of the findings read too.</summary>
    internal Facts.DockerfileFacts? Facts { get; }

    public DockerfileSyntax Syntax { get; }
    public DockerfileModel Model { get; }

    /// <summary>Findings in source order, suppressed ones removed, severities as configured.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public bool HasErrors => Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
