using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2060YarnCacheCleanTests
{
    [TestMethod]
    public void Install_without_cache_clean_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2060YarnCacheClean>("FROM node:22\nRUN [|yarn|] install foo\n");
        StringAssert.StartsWith(findings[0].Message, "Run 'yarn cache clean' after 'yarn install'");
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>("FROM node:22\nONBUILD RUN [|yarn|] install foo\n");

    [TestMethod]
    public void Non_yarn_commands_are_fine() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>("FROM node:22\nRUN foo\nONBUILD RUN foo\n");

    [TestMethod]
    public void Cache_clean_after_install_is_fine() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>(
            "FROM node:22\nRUN yarn install bar && yarn cache clean\nONBUILD RUN yarn install bar && yarn cache clean\n");

    [TestMethod]
    public void The_last_stage_is_checked() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>(
            "FROM node:lts-alpine AS foo\nRUN hey!\nFROM scratch\nRUN [|yarn|] install\nONBUILD RUN [|yarn|] install\n");

    [TestMethod]
    public void A_stage_another_from_builds_on_is_checked() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>(
            "FROM node:lts-alpine AS foo\nRUN [|yarn|] install\nONBUILD RUN [|yarn|] install\nFROM foo\nRUN hey!\n");

    [TestMethod]
    public void A_stage_built_on_that_cleans_is_fine() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>(
            "FROM node:lts-alpine AS foo\nRUN yarn install && yarn cache clean\nONBUILD RUN yarn install && yarn cache clean\nFROM foo\nRUN hey!\n");

    [TestMethod]
    public void A_stage_nothing_builds_on_is_not_checked_but_its_onbuild_is() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>(
            "FROM node:lts-alpine AS foo\nRUN yarn install foo\nONBUILD RUN [|yarn|] install foo\nFROM scratch\nRUN hey!\n");

    [TestMethod]
    public void A_cache_mount_or_removing_the_cache_is_fine() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>(
            "FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n"
            + "RUN yarn install && rm -rf /usr/local/share/.cache/yarn\n");

    [TestMethod]
    public void A_clean_before_the_install_does_not_count() =>
        RuleVerifier.Verify<COPT2060YarnCacheClean>("FROM node:22\nRUN yarn cache clean && [|yarn|] install\n");
}
