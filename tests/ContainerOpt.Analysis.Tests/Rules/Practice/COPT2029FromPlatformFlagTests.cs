using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2029FromPlatformFlagTests
{
    [TestMethod]
    public void Constant_platform_flag_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2029FromPlatformFlag>("FROM [|--platform=linux|] debian:jessie\n");
        Assert.AreEqual("'--platform=linux' pins the stage to one platform, so builds for other platforms get the wrong base: remove it, or use --platform=$BUILDPLATFORM for a cross-compiling stage.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3029" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void No_platform_flag_is_fine() =>
        RuleVerifier.Verify<COPT2029FromPlatformFlag>("FROM debian:jessie\n");

    [TestMethod]
    public void Build_and_target_platform_variables_are_fine() =>
        RuleVerifier.Verify<COPT2029FromPlatformFlag>(
            "FROM --platform=$BUILDPLATFORM debian:jessie\nFROM --platform=\"$BUILDPLATFORM\" debian:jessie\nFROM --platform=${BUILDPLATFORM} debian:jessie\n" +
            "FROM --platform=${BUILDPLATFORM:-} debian:jessie\nFROM --platform=\"${BUILDPLATFORM:-}\" debian:jessie\nFROM --platform=$TARGETPLATFORM debian:jessie\n");

    [TestMethod]
    public void Other_variables_and_full_platforms_are_reported() =>
        RuleVerifier.Verify<COPT2029FromPlatformFlag>("ARG P=linux/arm64\nFROM [|--platform=$P|] debian:12\nFROM [|--platform=linux/amd64|] debian:12 AS x\n");
}
