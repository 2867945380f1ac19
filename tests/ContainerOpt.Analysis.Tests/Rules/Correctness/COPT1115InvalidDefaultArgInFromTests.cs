using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1115InvalidDefaultArgInFromTests
{
    [TestMethod]
    public void An_arg_without_default_leaves_an_empty_tag()
    {
        var findings = RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG VERSION\nFROM [|busybox:$VERSION|]\n", options: WithBuildArg("VERSION", "latest"));
        Assert.AreEqual("Default value for ARG busybox:$VERSION results in empty or invalid base image name: give the ARG a default that makes a valid image reference (without build arguments it expands to 'busybox:').", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "InvalidDefaultArgInFrom" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void An_empty_image_and_a_default_ending_in_a_colon_are_reported()
    {
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG IMAGE\nFROM [|$IMAGE|]\n");
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG SFX=\"box:\"\nFROM [|busy${SFX}|]\n");
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG REPO=Library/Alpine\nFROM [|$REPO|]\n");
    }

    [TestMethod]
    public void Valid_defaults_and_optional_suffixes_are_fine()
    {
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG VERSION=\"latest\"\nFROM busybox:${VERSION}\n");
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG BUSYBOX_VARIANT=\"\"\nFROM busybox:stable${BUSYBOX_VARIANT}\n");
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG BUSYBOX_VARIANT\nFROM busybox:stable${BUSYBOX_VARIANT}\n");
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("ARG REGISTRY=localhost:5000\nFROM ${REGISTRY}/team/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
    }

    [TestMethod]
    public void Froms_without_variables_are_left_to_the_build() =>
        RuleVerifier.Verify<COPT1115InvalidDefaultArgInFrom>("FROM alpine AS Base\nFROM Base\n");

    private static AnalysisOptions WithBuildArg(string name, string value)
    {
        var options = new AnalysisOptions();
        options.BuildArgs[name] = value;
        return options;
    }
}
