using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1116FromPlatformFlagConstDisallowedTests
{
    [TestMethod]
    public void A_constant_platform_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>("FROM [|--platform=linux/amd64|] scratch\n");
        Assert.AreEqual("FROM --platform flag should not use constant value \"linux/amd64\": use --platform=$BUILDPLATFORM (or $TARGETPLATFORM), or drop the flag.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "FromPlatformFlagConstDisallowed" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void A_stage_named_after_the_os_or_architecture_is_deliberate()
    {
        RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>("FROM --platform=linux/amd64 scratch AS my_amd64_stage\n");
        RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>("FROM --platform=linux/amd64 scratch AS linux\n");
        RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>("FROM --platform=linux/aarch64 alpine AS build-arm64\n");
    }

    [TestMethod]
    public void Variables_and_unparsable_values_are_fine() =>
        RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>(
            "ARG P=linux/arm64\nFROM --platform=$BUILDPLATFORM alpine AS a\nFROM --platform=$P alpine AS b\nFROM --platform=linux//x alpine AS c\n");

    [TestMethod]
    public void A_bare_architecture_is_a_constant_too() =>
        RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>("FROM [|--platform=arm64|] alpine AS build\n");
}
