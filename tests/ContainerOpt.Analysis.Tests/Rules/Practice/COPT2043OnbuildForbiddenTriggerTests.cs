using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2043OnbuildForbiddenTriggerTests
{
    [TestMethod]
    public void Onbuild_within_onbuild_is_reported_at_the_trigger()
    {
        var findings = RuleVerifier.Verify<COPT2043OnbuildForbiddenTrigger>("FROM debian:12\nONBUILD [|ONBUILD|] RUN anything\n");
        Assert.AreEqual("ONBUILD is not allowed as an ONBUILD trigger: remove it from the ONBUILD instruction.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3043" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void From_and_maintainer_triggers_are_reported()
    {
        RuleVerifier.Verify<COPT2043OnbuildForbiddenTrigger>("FROM debian:12\nONBUILD [|FROM|] debian:buster\n");
        var findings = RuleVerifier.Verify<COPT2043OnbuildForbiddenTrigger>("FROM debian:12\nonbuild [|maintainer|] \"BoJack Horseman\"\n");
        StringAssert.StartsWith(findings[0].Message, "MAINTAINER is not allowed");
    }

    [TestMethod]
    public void Other_triggers_are_fine() =>
        RuleVerifier.Verify<COPT2043OnbuildForbiddenTrigger>(
            "FROM debian:12\nONBUILD ADD anything anywhere\nONBUILD USER anything\nONBUILD LABEL bla=\"blubb\"\nONBUILD STOPSIGNAL anything\n" +
            "ONBUILD COPY anything anywhere\nONBUILD RUN anything\nONBUILD CMD anything\nONBUILD SHELL [\"bash\", \"-c\"]\nONBUILD WORKDIR anything\n" +
            "ONBUILD EXPOSE 69\nONBUILD VOLUME anything\nONBUILD ENTRYPOINT anything\nONBUILD ENV MYVAR=\"bla\"\nONBUILD ARG anything\nONBUILD HEALTHCHECK NONE\n");

    [TestMethod]
    public void From_and_maintainer_outside_onbuild_are_fine() =>
        RuleVerifier.Verify<COPT2043OnbuildForbiddenTrigger>("FROM debian:buster\nMAINTAINER \"Some Guy\"\n");
}
