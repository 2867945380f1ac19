using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1113RedundantTargetPlatformTests
{
    [TestMethod]
    public void Platform_set_to_target_platform_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1113RedundantTargetPlatform>("FROM [|--platform=$TARGETPLATFORM|] scratch\n");
        Assert.AreEqual("Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior: remove '--platform=$TARGETPLATFORM'.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "RedundantTargetPlatform", "DL3065" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Braced_form_is_reported_as_written()
    {
        var findings = RuleVerifier.Verify<COPT1113RedundantTargetPlatform>("FROM [|--platform=${TARGETPLATFORM}|] alpine AS a\n");
        StringAssert.StartsWith(findings[0].Message, "Setting platform to predefined ${TARGETPLATFORM} in FROM");
    }

    [TestMethod]
    public void Build_platform_other_variables_and_constants_are_fine() =>
        RuleVerifier.Verify<COPT1113RedundantTargetPlatform>(
            "ARG EXTRA\nFROM --platform=$BUILDPLATFORM alpine AS a\nFROM --platform=$TARGETPLATFORM$EXTRA alpine AS b\nFROM --platform=$TARGETOS/$TARGETARCH alpine\n");
}
