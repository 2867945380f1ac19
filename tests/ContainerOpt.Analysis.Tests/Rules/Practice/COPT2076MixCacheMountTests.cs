using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2076MixCacheMountTests
{
    [TestMethod]
    public void A_deps_get_without_a_cache_mount_is_reported_at_mix()
    {
        var findings = RuleVerifier.Verify<COPT2076MixCacheMount>("FROM elixir:1.17\nRUN mix local.hex --force && [|mix|] deps.get --only prod\n");
        StringAssert.StartsWith(findings[0].Message, "'mix deps.get' downloads packages into the Hex and Mix folders");
        CollectionAssert.AreEqual(new[] { "DL3076" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Compiles_and_onbuild_are_checked_other_tasks_are_not() =>
        RuleVerifier.Verify<COPT2076MixCacheMount>(
            "FROM elixir:1.17\nRUN [|mix|] deps.compile\nONBUILD RUN [|mix|] compile\nRUN mix release && mix phx.digest\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_hex_or_mix_is_fine() =>
        RuleVerifier.Verify<COPT2076MixCacheMount>(
            "FROM elixir:1.17\nRUN --mount=type=cache,target=/root/.hex mix deps.get\nRUN --mount=type=cache,target=/root/.mix mix compile\n"
            + "RUN --mount=type=tmpfs,target=/root/.hex mix deps.get\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2076MixCacheMount>("FROM elixir:1.17\nRUN --mount=type=cache,target=/wrong/path [|mix|] deps.get\n");
}
