using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

[TestClass]
public sealed class RuleContextTests
{
    /// <summary>Reports the context folder it sees, once at the default severity and once as an error.</summary>
    private sealed class ProbeRule : DockerfileRule
    {
        public static readonly DiagnosticDescriptor Rule = new("COPT9999", "probe", "Probe", "context: {0}", DiagnosticSeverity.Warning, DiagnosticCategories.DotNet);

        public override DiagnosticDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var span = context.Syntax.Instructions[0].Keyword.Span;
            context.Report(span, context.ContextDirectory ?? "(none)");
            context.ReportAs(DiagnosticSeverity.Error, span, context.ContextDirectory ?? "(none)");
        }
    }

    private static IReadOnlyList<Finding> Run(string? contextDirectory, AnalysisOptions? options = null) =>
        new DockerfileAnalyzer(new DockerfileRule[] { new ProbeRule() })
            .Analyze(new AnalysisInput(SourceText.From("FROM scratch\n", "Dockerfile")) { ContextDirectory = contextDirectory, Options = options ?? new AnalysisOptions { Mode = AnalysisMode.All } })
            .Findings;

    [TestMethod]
    public void The_context_directory_reaches_the_rules()
    {
        Assert.AreEqual("context: /work/app", Run("/work/app")[0].Message);
        Assert.AreEqual("context: (none)", Run(null)[0].Message);
    }

    [TestMethod]
    public void ReportAs_sets_the_finding_severity_and_configuration_still_overrides_it()
    {
        var findings = Run("/work/app");
        CollectionAssert.AreEquivalent(new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Error }, findings.Select(f => f.Severity).ToArray());
        var options = new AnalysisOptions { Mode = AnalysisMode.All };
        options.Severities["COPT9999"] = DiagnosticSeverity.Info;
        CollectionAssert.AreEqual(new[] { DiagnosticSeverity.Info, DiagnosticSeverity.Info }, Run("/work/app", options).Select(f => f.Severity).ToArray());
    }
}
