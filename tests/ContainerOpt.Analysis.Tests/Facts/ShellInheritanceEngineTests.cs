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
    [DataRow("1")]
    [DataRow("0")]
    public void A_stage_built_on_a_stage_runs_under_its_SHELL(string buildKit)
    {
        DockerEngine.Require();
        const string Inherits = "FROM " + BaseImage + " AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN false | true\n";
        var failed = Build(Inherits, buildKit);
        Assert.AreNotEqual(0, failed.ExitCode, "the pipe did not fail, so the SHELL was not inherited\n" + failed.Output);

        // The same pipe under the default shell: the failure above is the inherited SHELL's.
        const string Default = "FROM " + BaseImage + " AS base\nFROM base\nRUN false | true\n";
        var built = Build(Default, buildKit);
        Assert.AreEqual(0, built.ExitCode, built.Output);
        CollectionAssert.AreEqual(new[] { "/bin/bash -o pipefail -c" }, ShellsOfRuns(Inherits));
    }

    private static string[] ShellsOfRuns(string dockerfile) =>
        new ContainerOpt.Analysis.Facts.DockerfileFacts(ContainerOpt.Dockerfile.Semantics.DockerfileModel.Build(
                ContainerOpt.Dockerfile.Syntax.DockerfileParser.Parse(ContainerOpt.Dockerfile.Text.SourceText.From(dockerfile, "Dockerfile"))))
            .RunScripts.Select(s => string.Join(" ", s.Shell.Arguments)).ToArray();

    private static ProcessResult Build(string dockerfile, string buildKit)
    {
        string context = Path.Combine(Path.GetTempPath(), "copt-shell-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
            // No tag: nothing to remove afterwards; the dangling result is pruned by build/test.sh.
            return DockerEngine.Run(new[] { "build", "--network=none", "--no-cache", context }, TimeSpan.FromMinutes(5),
                environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = buildKit });
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
