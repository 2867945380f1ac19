using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2071MavenCacheMountTests
{
    [TestMethod]
    public void A_maven_build_without_a_cache_mount_is_reported_at_mvn()
    {
        var findings = RuleVerifier.Verify<COPT2071MavenCacheMount>("FROM maven:3.9\nRUN [|mvn|] -B clean package\n");
        StringAssert.StartsWith(findings[0].Message, "'mvn package' downloads dependencies into the local Maven repository");
        CollectionAssert.AreEqual(new[] { "DL3071" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Dependency_goals_the_wrapper_and_onbuild_are_checked() =>
        RuleVerifier.Verify<COPT2071MavenCacheMount>(
            "FROM eclipse-temurin:21\nRUN [|./mvnw|] dependency:go-offline\nONBUILD RUN [|mvn|] install\nRUN mvn --version && mvn clean\n"
            + "RUN apt-get install -y maven && pip install build && npm install\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_m2_is_fine() =>
        RuleVerifier.Verify<COPT2071MavenCacheMount>(
            "FROM maven:3.9\nRUN --mount=type=cache,target=/root/.m2 mvn package\nRUN --mount=type=tmpfs,target=/root/.m2/repository mvn verify\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2071MavenCacheMount>("FROM maven:3.9\nRUN --mount=type=cache,target=/wrong/path [|mvn|] install\n");
}
