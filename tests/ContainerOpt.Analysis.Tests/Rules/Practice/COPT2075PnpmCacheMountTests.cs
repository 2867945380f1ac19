using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2075PnpmCacheMountTests
{
    [TestMethod]
    public void A_pnpm_install_without_a_cache_mount_is_reported_at_pnpm()
    {
        var findings = RuleVerifier.Verify<COPT2075PnpmCacheMount>("FROM node:22\nRUN corepack enable && [|pnpm|] install --frozen-lockfile\n");
        StringAssert.StartsWith(findings[0].Message, "'pnpm install' downloads packages into the pnpm store");
        CollectionAssert.AreEqual(new[] { "DL3075" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Add_fetch_and_onbuild_are_checked_other_commands_are_not() =>
        RuleVerifier.Verify<COPT2075PnpmCacheMount>(
            "FROM node:22\nRUN [|pnpm|] add lodash\nONBUILD RUN [|pnpm|] fetch --prod\nRUN pnpm run build && pnpm --version\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_the_store_is_fine() =>
        RuleVerifier.Verify<COPT2075PnpmCacheMount>(
            "FROM node:22\nRUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store pnpm install\nRUN --mount=type=tmpfs,target=/pnpm/store pnpm i\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2075PnpmCacheMount>("FROM node:22\nRUN --mount=type=cache,target=/wrong/path [|pnpm|] install\n");
}
