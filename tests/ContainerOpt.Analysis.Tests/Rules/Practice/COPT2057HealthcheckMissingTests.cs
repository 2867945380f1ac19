using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2057HealthcheckMissingTests
{
    [TestMethod]
    public void Stage_without_healthcheck_is_reported_at_its_base()
    {
        var findings = RuleVerifier.Verify<COPT2057HealthcheckMissing>("FROM [|scratch|]\n");
        Assert.AreEqual("Stage '0' has no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one: add HEALTHCHECK CMD <probe> (or HEALTHCHECK NONE to say there is none).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3057" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Healthcheck_or_healthcheck_none_is_fine()
    {
        RuleVerifier.Verify<COPT2057HealthcheckMissing>("FROM scratch\nHEALTHCHECK CMD /bin/bla\n");
        RuleVerifier.Verify<COPT2057HealthcheckMissing>("FROM scratch\nHEALTHCHECK NONE\n");
    }

    [TestMethod]
    public void Healthcheck_inherited_from_a_base_stage_counts() =>
        RuleVerifier.Verify<COPT2057HealthcheckMissing>("FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base AS mid\nFROM mid\n");

    [TestMethod]
    public void A_base_of_a_stage_with_a_healthcheck_is_fine() =>
        RuleVerifier.Verify<COPT2057HealthcheckMissing>("FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS end\nHEALTHCHECK NONE\n");

    [TestMethod]
    public void A_branch_without_a_healthcheck_is_reported_but_not_the_shared_base() =>
        RuleVerifier.Verify<COPT2057HealthcheckMissing>(
            "FROM scratch AS base\nFROM base AS left\nFROM [|base|] AS right\nFROM left AS end1\nHEALTHCHECK CMD true\nFROM [|right|] AS end2\n");

    [TestMethod]
    public void Stage_not_built_on_the_checked_stage_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2057HealthcheckMissing>("FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM [|scratch|] AS final\n");
        StringAssert.StartsWith(findings[0].Message, "Stage 'final' has no HEALTHCHECK");
    }

    [TestMethod]
    public void Onbuild_healthcheck_does_not_count() =>
        RuleVerifier.Verify<COPT2057HealthcheckMissing>("FROM [|debian:12|]\nONBUILD HEALTHCHECK CMD true\n");

    [TestMethod]
    public void Rule_is_off_by_default()
    {
        Assert.IsFalse(DiagnosticCatalog.HealthcheckMissing.EnabledByDefault);
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[] { new COPT2057HealthcheckMissing() });
        var result = analyzer.Analyze(new AnalysisInput(SourceText.From("FROM scratch\n", "Dockerfile")));
        Assert.AreEqual(0, result.Findings.Count);
    }
}
