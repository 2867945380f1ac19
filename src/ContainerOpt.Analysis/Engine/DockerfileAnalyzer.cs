using ContainerOpt.Analysis.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Engine;

/// <summary>Parses, builds the model and reports every diagnostic for one Dockerfile. No I/O.</summary>
public sealed class DockerfileAnalyzer
{
    public AnalysisResult Analyze(SourceText source)
    {
        var syntax = DockerfileParser.Parse(source);
        var model = DockerfileModel.Build(syntax);
        var findings = new List<Finding>();
        foreach (var diagnostic in model.AllDiagnostics)
        {
            var descriptor = SyntaxDescriptors.For(diagnostic.Code);
            findings.Add(new Finding(descriptor, descriptor.DefaultSeverity, diagnostic.Message, source.Path,
                source.GetLinePositionSpan(diagnostic.Span), diagnostic.Span));
        }
        findings.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Code, b.Code));
        return new AnalysisResult(syntax, model, findings);
    }
}
