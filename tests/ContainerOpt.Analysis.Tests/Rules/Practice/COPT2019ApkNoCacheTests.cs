using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2019ApkNoCacheTests
{
    [TestMethod]
    public void Apk_add_without_no_cache_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2019ApkNoCache>("FROM alpine:3.20\nRUN [|apk|] add flex=2.6.4-r1\n");
        StringAssert.StartsWith(findings[0].Message, "Use 'apk add --no-cache'");
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2019ApkNoCache>("FROM alpine:3.20\nONBUILD RUN [|apk|] add flex=2.6.4-r1\n");

    [TestMethod]
    public void No_cache_is_fine() =>
        RuleVerifier.Verify<COPT2019ApkNoCache>("FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1\nONBUILD RUN apk add --no-cache flex=2.6.4-r1\n");

    [TestMethod]
    public void A_cache_mount_on_var_cache_apk_is_fine() =>
        RuleVerifier.Verify<COPT2019ApkNoCache>(
            "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n"
            + "ONBUILD RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n");

    [TestMethod]
    public void A_cache_mount_elsewhere_with_no_cache_is_fine() =>
        RuleVerifier.Verify<COPT2019ApkNoCache>(
            "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n"
            + "ONBUILD RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n");

    [TestMethod]
    public void A_cache_mount_elsewhere_does_not_help() =>
        RuleVerifier.Verify<COPT2019ApkNoCache>(
            "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo [|apk|] add -U curl=7.77.0\n"
            + "ONBUILD RUN --mount=type=cache,target=/var/cache/foo [|apk|] add -U curl=7.77.0\n");

    [TestMethod]
    public void Flags_before_add_and_update_then_rm_are_still_reported_once() =>
        RuleVerifier.Verify<COPT2019ApkNoCache>(
            "FROM alpine:3.20\nRUN apk update && [|apk|] --update add curl && apk add git && rm -rf /var/cache/apk/*\n");

    [TestMethod]
    public void Other_apk_commands_are_fine() =>
        RuleVerifier.Verify<COPT2019ApkNoCache>("FROM alpine:3.20\nRUN apk update && apk del curl && apk info\n");
}
