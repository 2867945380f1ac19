using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1111MultipleInstructionsDisallowedTests
{
    [TestMethod]
    public void The_earlier_instruction_is_reported_with_its_hadolint_code()
    {
        var findings = RuleVerifier.Verify<COPT1111MultipleInstructionsDisallowed>(
            "FROM scratch\n[|ENTRYPOINT|] [\"/myapp\"]\nENTRYPOINT [\"/myotherapp\"]\n[|CMD|] [\"/myapp\"]\nCMD [\"/myotherapp\"]\n[|HEALTHCHECK|] CMD [\"/myapp\"]\nHEALTHCHECK CMD [\"/myotherapp\"]\n");
        Assert.AreEqual("Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one will be used: remove this one or merge it into the ENTRYPOINT on line 3.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "MultipleInstructionsDisallowed", "DL4004" }, findings[0].Equivalents.ToArray());
        CollectionAssert.AreEqual(new[] { "MultipleInstructionsDisallowed", "DL4003" }, findings[1].Equivalents.ToArray());
        CollectionAssert.AreEqual(new[] { "MultipleInstructionsDisallowed", "DL3012" }, findings[2].Equivalents.ToArray());
    }

    [TestMethod]
    public void Three_cmds_report_the_first_two() =>
        RuleVerifier.Verify<COPT1111MultipleInstructionsDisallowed>("FROM alpine\n[|CMD|] a\nRUN x\n[|CMD|] b\nCMD c\n");

    [TestMethod]
    public void A_stage_built_on_another_starts_afresh() =>
        RuleVerifier.Verify<COPT1111MultipleInstructionsDisallowed>(
            "FROM scratch AS a\nENTRYPOINT [\"/myapp\"]\nCMD [\"/myapp\"]\nHEALTHCHECK CMD [\"/myapp\"]\n\nFROM a AS b\nENTRYPOINT [\"/myotherapp\"]\nCMD [\"/myotherapp\"]\nHEALTHCHECK CMD [\"/myotherapp\"]\n");

    [TestMethod]
    public void Onbuild_triggers_and_one_of_each_are_fine() =>
        RuleVerifier.Verify<COPT1111MultipleInstructionsDisallowed>("FROM alpine\nONBUILD CMD a\nCMD b\nENTRYPOINT [\"x\"]\nHEALTHCHECK NONE\n");
}
