using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2072GradleCacheMountTests
{
    [TestMethod]
    public void A_gradle_build_without_a_cache_mount_is_reported_at_gradle()
    {
        var findings = RuleVerifier.Verify<COPT2072GradleCacheMount>("FROM gradle:8.10\nRUN [|gradle|] --no-daemon build\n");
        StringAssert.StartsWith(findings[0].Message, "'gradle build' downloads dependencies into the Gradle user home");
        CollectionAssert.AreEqual(new[] { "DL3072" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void The_wrapper_anywhere_is_checked_but_not_a_version_query() =>
        RuleVerifier.Verify<COPT2072GradleCacheMount>(
            "FROM eclipse-temurin:21\nRUN [|./gradlew|] -p app :app:bootJar\nONBUILD RUN [|/src/gradlew|] test\nRUN gradle --version\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_the_gradle_home_is_fine() =>
        RuleVerifier.Verify<COPT2072GradleCacheMount>(
            "FROM gradle:8.10\nRUN --mount=type=cache,target=/home/gradle/.gradle gradle build\nRUN --mount=type=tmpfs,target=/root/.gradle ./gradlew build\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2072GradleCacheMount>("FROM gradle:8.10\nRUN --mount=type=cache,target=/wrong/path [|gradle|] build\n");
}
