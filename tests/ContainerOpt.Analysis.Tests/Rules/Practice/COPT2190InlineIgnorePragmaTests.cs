using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2190InlineIgnorePragmaTests
{
    [TestMethod]
    public void Hadolint_inline_pragma_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2190InlineIgnorePragma>("[|# hadolint ignore=DL3006|]\nFROM debian\n");
        Assert.AreEqual("Inline pragma '# hadolint ignore=DL3006' hides findings one instruction at a time: fix the finding, or switch the rule off in the configuration (.hadolint.yaml or the project's settings).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL1001" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Containeropt_inline_pragma_is_reported_wherever_it_stands() =>
        RuleVerifier.Verify<COPT2190InlineIgnorePragma>(
            "FROM debian:12\n  [|# containeropt ignore=COPT2008, COPT2015|]\nRUN apt-get install -y curl \\\n    [|#hadolint ignore=DL3059|]\n    && true\n");

    [TestMethod]
    public void Global_pragmas_and_ordinary_comments_are_fine() =>
        RuleVerifier.Verify<COPT2190InlineIgnorePragma>(
            "# hadolint global ignore=DL3006\n# containeropt global ignore=COPT2006\n# hadolint shell=bash\n# ignore=nothing\nFROM debian\n");

    [TestMethod]
    public void Rule_is_off_by_default()
    {
        Assert.IsFalse(DiagnosticCatalog.InlineIgnorePragma.EnabledByDefault);
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[] { new COPT2190InlineIgnorePragma() });
        var result = analyzer.Analyze(new AnalysisInput(SourceText.From("# hadolint ignore=DL3006\nFROM debian\n", "Dockerfile")));
        Assert.AreEqual(0, result.Findings.Count);
    }
}
