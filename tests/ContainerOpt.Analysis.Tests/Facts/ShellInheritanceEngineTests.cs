using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.Facts;

/// <summary>
/// Why a stage built on another runs its RUNs under that stage's last SHELL (RunScripts): both builders keep SHELL in
/// the image's configuration, and <c>FROM stage</c> starts from it. Under bash with pipefail <c>false | true</c> fails;
/// under the default <c>/bin/sh -c</c> (dash) it succeeds, so a failed build shows the inherited shell. Built on the
/// Debian stand-in, with BuildKit and with the classic builder (<c>--network=none</c>).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ShellInheritanceEngineTests
{
    private const string BaseImage = "containeropt/bookworm-base:1";

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void A_stage_built_on_a_stage_runs_under_its_SHELL(bool buildKit)
    {
        DockerEngine.Require();
        const string Inherits = "FROM " + BaseImage + " AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN false | true\n";
        var failed = DockerEngine.BuildDockerfile(Inherits, buildKit);
        Assert.AreNotEqual(0, failed.ExitCode, "the pipe did not fail, so the SHELL was not inherited\n" + failed.Output);

        // The same pipe under the default shell: the failure above is the inherited SHELL's.
        const string Default = "FROM " + BaseImage + " AS base\nFROM base\nRUN false | true\n";
        var built = DockerEngine.BuildDockerfile(Default, buildKit);
        Assert.AreEqual(0, built.ExitCode, built.Output);
        CollectionAssert.AreEqual(new[] { "/bin/bash -o pipefail -c" }, RunScriptsTests.ShellsOfRuns(Inherits));
    }
}
