using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2103SingleCmdTests
{
    [TestMethod]
    public void Second_cmd_in_a_stage_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2103SingleCmd>("FROM debian:12\nCMD bash\nRUN foo\n[|CMD|] another\n");
        Assert.AreEqual("This stage already has a CMD on line 2 and only the last CMD takes effect: keep a single CMD.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL4003" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void One_cmd_per_stage_is_fine() =>
        RuleVerifier.Verify<COPT2103SingleCmd>("FROM debian:12 as distro1\nCMD bash\nRUN foo\nFROM debian:12 as distro2\nCMD another\n");

    [TestMethod]
    public void Repeats_are_found_in_an_earlier_stage() =>
        RuleVerifier.Verify<COPT2103SingleCmd>("FROM debian:12 as distro1\nCMD bash\nRUN foo\n[|CMD|] another\nFROM debian:12 as distro2\nCMD another\n");

    [TestMethod]
    public void Single_cmd_and_onbuild_cmd_are_fine() =>
        RuleVerifier.Verify<COPT2103SingleCmd>("FROM debian:12\nONBUILD CMD [\"x\"]\nCMD /bin/true\n");
}
