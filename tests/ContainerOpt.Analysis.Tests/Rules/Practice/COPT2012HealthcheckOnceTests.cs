using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2012HealthcheckOnceTests
{
    [TestMethod]
    public void Second_healthcheck_in_a_stage_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2012HealthcheckOnce>("FROM scratch\nHEALTHCHECK CMD /bin/bla1\n[|HEALTHCHECK|] CMD /bin/bla2\n");
        Assert.AreEqual("This stage already has a HEALTHCHECK on line 2 and only the last one takes effect: keep a single HEALTHCHECK.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3012" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void No_or_one_healthcheck_is_fine()
    {
        RuleVerifier.Verify<COPT2012HealthcheckOnce>("FROM scratch\n");
        RuleVerifier.Verify<COPT2012HealthcheckOnce>("FROM scratch\nHEALTHCHECK CMD /bin/bla\n");
    }

    [TestMethod]
    public void One_healthcheck_per_stage_is_fine() =>
        RuleVerifier.Verify<COPT2012HealthcheckOnce>("FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2\n");

    [TestMethod]
    public void Every_repeat_is_reported_and_onbuild_does_not_count() =>
        RuleVerifier.Verify<COPT2012HealthcheckOnce>(
            "FROM scratch\nHEALTHCHECK NONE\nONBUILD HEALTHCHECK CMD true\n[|healthcheck|] CMD a\n[|HEALTHCHECK|] CMD b\n");
}
