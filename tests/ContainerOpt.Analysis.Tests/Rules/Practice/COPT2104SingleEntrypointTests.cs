using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2104SingleEntrypointTests
{
    [TestMethod]
    public void Second_entrypoint_in_a_stage_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2104SingleEntrypoint>("FROM debian:12\nENTRYPOINT bash\nRUN foo\n[|ENTRYPOINT|] another\n");
        Assert.AreEqual("This stage already has an ENTRYPOINT on line 2 and only the last ENTRYPOINT takes effect: keep a single ENTRYPOINT.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL4004" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void No_entrypoint_is_fine() =>
        RuleVerifier.Verify<COPT2104SingleEntrypoint>("FROM busybox:1.36\n");

    [TestMethod]
    public void One_entrypoint_per_stage_is_fine() =>
        RuleVerifier.Verify<COPT2104SingleEntrypoint>("FROM debian:12 as distro1\nENTRYPOINT bash\nRUN foo\nFROM debian:12 as distro2\nENTRYPOINT another\n");

    [TestMethod]
    public void Repeats_are_found_in_an_earlier_stage() =>
        RuleVerifier.Verify<COPT2104SingleEntrypoint>(
            "FROM debian:12 as distro1\nENTRYPOINT bash\nRUN foo\n[|ENTRYPOINT|] [\"another\"]\nFROM debian:12 as distro2\nENTRYPOINT another\n");
}
