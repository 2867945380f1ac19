using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2077GemCacheMountTests
{
    [TestMethod]
    public void A_bundle_install_without_a_cache_mount_is_reported_at_bundle()
    {
        var findings = RuleVerifier.Verify<COPT2077GemCacheMount>("FROM ruby:3.3\nRUN [|bundle|] install --jobs 4\n");
        StringAssert.StartsWith(findings[0].Message, "'bundle install' downloads gems on every build");
        CollectionAssert.AreEqual(new[] { "DL3077" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Gem_install_bundle_update_and_onbuild_are_checked_other_commands_are_not() =>
        RuleVerifier.Verify<COPT2077GemCacheMount>(
            "FROM ruby:3.3\nRUN [|gem|] install rails:7.1.3\nONBUILD RUN [|bundle|] update\nRUN bundle exec rake assets:precompile && gem list\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_the_gem_cache_is_fine() =>
        RuleVerifier.Verify<COPT2077GemCacheMount>(
            "FROM ruby:3.3\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\nRUN --mount=type=cache,target=/root/.gem gem install rails\n"
            + "RUN --mount=type=tmpfs,target=/usr/local/bundle/cache bundle install\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2077GemCacheMount>("FROM ruby:3.3\nRUN --mount=type=cache,target=/wrong/path [|bundle|] install\n");
}
