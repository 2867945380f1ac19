using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1116FromPlatformFlagConstDisallowedTests
{
    [TestMethod]
    public void A_constant_platform_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>("FROM [|--platform=linux/amd64|] alpine AS build\nFROM alpine\nCOPY --from=build /a /a\n");
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
        CollectionAssert.AreEqual(new[] { "FromPlatformFlagConstDisallowed" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void A_single_pinned_stage_is_a_deliberately_pinned_build()
    {
        // The shape of a one-stage image that downloads amd64-only binaries: the pin is what lets it build on an arm64 host.
        var findings = RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>(
            "FROM [|--platform=linux/amd64|] ubuntu:22.04\nRUN curl -LO https://go.dev/dl/go1.21.4.linux-amd64.tar.gz && tar -C /usr/local -xzf go1.21.4.linux-amd64.tar.gz\nCMD [\"/app\"]\n");
        Assert.AreEqual("FROM --platform flag should not use constant value \"linux/amd64\": the file's only stage pins linux/amd64, which "
            + "looks deliberate; to build for another platform, drop the flag and pass --platform=linux/amd64 to docker build (or set DOCKER_DEFAULT_PLATFORM).",
            findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
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

    [TestMethod]
    public void The_final_stage_is_told_to_pass_the_platform_to_docker_build()
    {
        var findings = RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>(
            "FROM node:20 AS build\nRUN npm ci\nFROM [|--platform=linux/amd64|] nginx:alpine\nCOPY --from=build /app /usr/share/nginx/html\n");
        Assert.AreEqual("FROM --platform flag should not use constant value \"linux/amd64\": this stage makes the image, so it gets linux/amd64 whatever "
            + "platform the build asks for; drop the flag and pass --platform=linux/amd64 to docker build (or set DOCKER_DEFAULT_PLATFORM) when you need "
            + "that platform ($BUILDPLATFORM here would ship the builder's architecture).", findings[0].Message);
    }

    [TestMethod]
    public void A_stage_copied_from_may_use_the_build_platform()
    {
        var findings = RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>(
            "FROM [|--platform=linux/amd64|] node:20 AS build\nRUN npm ci\nFROM nginx:alpine\nCOPY --from=build /app /usr/share/nginx/html\n");
        Assert.AreEqual("FROM --platform flag should not use constant value \"linux/amd64\": use --platform=$BUILDPLATFORM when what later stages copy "
            + "from it does not depend on the target architecture (or is cross-compiled), or drop the flag.", findings[0].Message);
    }

    [TestMethod]
    public void Every_stage_pinned_alike_is_one_quiet_finding()
    {
        var findings = RuleVerifier.Verify<COPT1116FromPlatformFlagConstDisallowed>(
            "FROM [|--platform=linux/amd64|] node:18-alpine AS build\nRUN npm ci\nFROM --platform=linux/amd64 node:18-alpine\nCOPY --from=build /app /app\n");
        Assert.AreEqual("FROM --platform flag of every stage has the same constant value \"linux/amd64\": the whole build is pinned to linux/amd64, which "
            + "looks deliberate; to build for another platform, drop the flags and pass --platform=linux/amd64 to docker build (or set DOCKER_DEFAULT_PLATFORM).",
            findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }
}
