using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2067CopyFromRootTests
{
    private const string Build = "FROM debian:12 AS build\nRUN make\nFROM scratch\n";

    [TestMethod]
    public void Copying_the_root_of_another_stage_to_root_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2067CopyFromRoot>(Build + "COPY --from=build [|/|] /\n");
        Assert.AreEqual("COPY --from=build / / copies the whole filesystem of 'build', including its package manager and caches: copy only the directories the image needs.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3067" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Quoted_root_paths_are_reported() =>
        RuleVerifier.Verify<COPT2067CopyFromRoot>(Build + "COPY --from=build [|\"/\"|] \"/\"\n");

    [TestMethod]
    public void Root_without_from_is_fine() =>
        RuleVerifier.Verify<COPT2067CopyFromRoot>(Build + "COPY / /\n");

    [TestMethod]
    public void A_directory_to_root_or_root_to_a_directory_is_fine() =>
        RuleVerifier.Verify<COPT2067CopyFromRoot>(Build + "COPY --from=build /app /\nCOPY --from=build / /app\n");

    [TestMethod]
    public void Root_among_several_sources_is_reported() =>
        RuleVerifier.Verify<COPT2067CopyFromRoot>(Build + "COPY --from=alpine:3.20 /etc/passwd [|/|] /\n");
}
