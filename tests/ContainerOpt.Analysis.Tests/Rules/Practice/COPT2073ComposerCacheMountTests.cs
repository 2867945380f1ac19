using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2073ComposerCacheMountTests
{
    [TestMethod]
    public void A_composer_install_without_a_cache_mount_is_reported_at_composer()
    {
        var findings = RuleVerifier.Verify<COPT2073ComposerCacheMount>("FROM composer:2\nRUN [|composer|] install --no-dev\n");
        StringAssert.StartsWith(findings[0].Message, "'composer install' downloads packages into Composer's cache");
        CollectionAssert.AreEqual(new[] { "DL3073" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Update_require_and_onbuild_are_checked_other_commands_are_not() =>
        RuleVerifier.Verify<COPT2073ComposerCacheMount>(
            "FROM php:8.3\nRUN [|composer|] update\nONBUILD RUN [|composer|] require monolog/monolog:^3\nRUN composer dump-autoload && composer --version\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_the_composer_cache_is_fine() =>
        RuleVerifier.Verify<COPT2073ComposerCacheMount>(
            "FROM php:8.3\nRUN --mount=type=cache,target=/root/.composer/cache composer install\nRUN --mount=type=tmpfs,target=/root/.cache/composer composer update\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2073ComposerCacheMount>("FROM php:8.3\nRUN --mount=type=cache,target=/wrong/path [|composer|] install\n");
}
