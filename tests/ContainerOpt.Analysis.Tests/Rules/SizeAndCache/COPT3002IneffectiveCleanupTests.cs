using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3002IneffectiveCleanupTests
{
    [TestMethod]
    public void A_dry_run_clean_is_reported_at_its_flag()
    {
        var findings = RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean [|--dry-run|] && rm -rf /var/lib/apt/lists/*\nRUN apt-get [|-s|] clean\n");
        Assert.AreEqual("'apt-get clean --dry-run' cleans up nothing: '--dry-run' only simulates the cleanup. Drop '--dry-run'.", findings[0].Message);
    }

    [TestMethod]
    public void A_cleanup_before_the_update_of_the_same_RUN_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN rm -rf [|/var/lib/apt/lists/*|] && apt-get update && apt-get install -y curl\n");
        Assert.AreEqual(
            "'rm -rf /var/lib/apt/lists/*' cleans up nothing: it runs before 'apt-get update' in the same RUN, so it removes nothing that RUN downloads. Move it to the end of the RUN.",
            findings[0].Message);
    }

    [TestMethod]
    public void A_cleanup_with_no_maker_before_it_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN [|apt-get clean|]\nRUN apt-get install -y ./tool.deb && rm -rf [|/var/lib/apt/lists/*|]\n");
        StringAssert.StartsWith(findings[1].Message,
            "'rm -rf /var/lib/apt/lists/*' cleans up nothing: nothing before it in this RUN runs apt-get update, and deleting files that earlier layers hold does not make the image smaller.");
    }

    [TestMethod]
    public void Cleaning_a_cache_mount_throws_the_cache_away()
    {
        var findings = RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y curl && [|apt-get clean|] && rm -rf [|/var/lib/apt/lists/*|]\n" +
            "RUN --mount=type=cache,target=/root/.npm npm ci && rm -rf [|/root/.npm/_cacache|]\n");
        Assert.AreEqual(
            "'rm -rf /var/lib/apt/lists/*' cleans up nothing: /var/lib/apt is a cache mount of this RUN, so nothing in it reaches the layer, and emptying it throws away the cache the next build would reuse. Remove it.",
            findings[1].Message);
    }

    [TestMethod]
    public void Cleaning_a_tmpfs_or_bind_mount_is_harmless() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM python:3.12-slim\nRUN --mount=type=tmpfs,target=/root/.cache pip install flask && rm -rf /root/.cache/pip && pip cache purge\n");

    [TestMethod]
    public void Other_managers_caches_are_known() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM python:3.12-slim\nRUN rm -rf [|/root/.cache/pip|]\nRUN [|yum clean all|]\nRUN [|npm cache clean --force|]\nRUN find [|/var/cache/apk|] -type f -delete\n");

    [TestMethod]
    public void Cleanups_after_their_maker_are_fine() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*\nRUN pip install flask && pip cache purge\nRUN npm ci && npm cache clean --force\n");

    [TestMethod]
    public void A_cleanup_of_an_earlier_layer_is_COPT3001s() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n");

    [TestMethod]
    public void A_cleanup_after_a_script_may_clean_what_the_script_made() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN ./install-deps.sh && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSL https://example.com/setup | sh && apt-get clean\n");

    [TestMethod]
    public void Removing_a_folder_that_holds_more_than_a_cache_is_left_alone() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12\nRUN rm -rf /root/.cache /tmp/* /var/cache/*\n");

    [TestMethod]
    public void Build_stages_are_checked_too() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM debian:12 AS build\nRUN rm -rf [|/var/lib/apt/lists/*|] && apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /out /out\n");

    [TestMethod]
    public void Removing_a_path_nothing_made_in_a_scratch_stage_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM scratch\nCOPY busybox /bin/\nRUN [\"/bin/busybox\", \"true\"]\nFROM scratch\nCOPY busybox /bin/\nRUN rm -rf [|/tmp/cache|]\n");
        Assert.AreEqual("'rm -rf /tmp/cache' cleans up nothing: this stage starts from scratch and no earlier COPY, ADD or WORKDIR made it. Remove it.", findings[0].Message);
    }

    [TestMethod]
    public void Scratch_stage_paths_that_something_could_have_made_are_left_alone() =>
        RuleVerifier.Verify<COPT3002IneffectiveCleanup>(
            "FROM scratch\nCOPY rootfs/ /\nRUN rm -rf /tmp/cache\n" +
            "FROM scratch\nCOPY busybox /bin/\nWORKDIR /app\nRUN rm -rf /app/cache\n" +
            "FROM scratch\nCOPY busybox /bin/\nRUN rm /tmp/cache\n" +
            "FROM scratch\nCOPY busybox /bin/\nRUN /bin/busybox mkdir -p /tmp/cache\nRUN rm -rf /tmp/cache\n" +
            "FROM debian:12\nRUN rm -rf /tmp/cache\n");
}
