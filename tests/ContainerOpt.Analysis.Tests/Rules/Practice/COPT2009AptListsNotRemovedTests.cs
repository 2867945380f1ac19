using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2009AptListsNotRemovedTests
{
    [TestMethod]
    public void Update_without_cleanup_is_reported_at_apt_get()
    {
        var findings = RuleVerifier.Verify<COPT2009AptListsNotRemoved>("FROM scratch\nRUN [|apt-get|] update && apt-get install python\n");
        StringAssert.StartsWith(findings[0].Message, "Delete the apt lists in the same RUN after apt-get update");
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }

    [TestMethod]
    public void Onbuild_update_without_cleanup_is_reported() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>("FROM scratch\nONBUILD RUN [|apt-get|] update && apt-get install python\n");

    [TestMethod]
    public void A_stage_nothing_builds_on_is_not_checked() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM ubuntu AS foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!\n");

    [TestMethod]
    public void Onbuild_in_a_stage_nothing_builds_on_is_still_reported() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM ubuntu AS foo\nONBUILD RUN [|apt-get|] update && apt-get install python\nFROM scratch\nRUN echo hey!\n");

    [TestMethod]
    public void The_last_stage_is_checked() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM ubuntu AS foo\nRUN hey!\nFROM scratch\nRUN [|apt-get|] update && apt-get install python\nONBUILD RUN [|apt-get|] update && apt-get install python\n");

    [TestMethod]
    public void A_stage_another_from_builds_on_is_checked() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM ubuntu AS foo\nRUN [|apt-get|] update && apt-get install python\nONBUILD RUN [|apt-get|] update && apt-get install python\nFROM foo\nRUN hey!\n");

    [TestMethod]
    public void A_stage_built_on_that_cleans_is_fine() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM ubuntu AS foo\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n"
            + "ONBUILD RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey!\n");

    [TestMethod]
    public void Cleanup_in_the_same_run_is_fine() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n"
            + "ONBUILD RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n"
            + "RUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean \\\n && rm -r -f /var/lib/apt/lists\n");

    [TestMethod]
    public void A_cache_mount_on_the_lists_is_fine() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install python\n"
            + "ONBUILD RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install python\n");

    [TestMethod]
    public void Cache_mounts_on_var_lib_apt_and_var_cache_apt_are_fine() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt \\\n    --mount=type=cache,target=/var/cache/apt \\\n"
            + "    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python\n"
            + "ONBUILD RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install python\n");

    [TestMethod]
    public void Cache_mounts_after_docker_clean_was_removed_in_an_earlier_run_are_fine() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt \\\n"
            + "    --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install foo\n");

    [TestMethod]
    public void A_cache_mount_on_var_cache_apt_alone_does_not_keep_the_lists_out() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    [|apt-get|] update && apt-get install python\n");

    [TestMethod]
    public void A_cache_mount_on_var_lib_apt_alone_is_reported_as_in_hadolint() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n    [|apt-get|] update && apt-get install python\n");

    [TestMethod]
    public void Cleanup_before_the_update_or_of_another_path_does_not_count() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && [|apt-get|] update && apt-get install -y curl\n"
            + "RUN [|apt-get|] update && apt-get install -y curl && rm -rf /tmp/*\n");

    [TestMethod]
    public void Heredoc_bodies_are_checked() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN <<EOF\nset -e\n[|apt-get|] update\napt-get install -y curl\nEOF\n"
            + "RUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n");

    [TestMethod]
    public void No_update_nothing_to_delete() =>
        RuleVerifier.Verify<COPT2009AptListsNotRemoved>("FROM debian:12\nRUN apt-get install -y ./local.deb\n");
}
