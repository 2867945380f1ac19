using System.Diagnostics;
using ContainerOpt.Images.Builders;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Builders;

[TestClass]
[DoNotParallelize]
public sealed class BuilderDetectorTests
{
    private static Dictionary<string, string?> DockerEnvironment(params (string Name, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?> { ["CONTAINEROPT_DOCKER"] = DockerEngine.Client };
        foreach (var (name, value) in extra) environment[name] = value;
        return environment;
    }

    [TestMethod]
    public void Detect_TheRunningEngine_IsDockerWithBuildKit()
    {
        DockerEngine.Require();
        BuilderInfo info = BuilderDetector.Detect(BuilderPreference.Auto, DockerEnvironment(("DOCKER_BUILDKIT", null)));

        string server = DockerEngine.RunChecked("version", "--format", "{{.Server.Version}}|{{.Server.Os}}/{{.Server.Arch}}").StandardOutput.Trim();
        bool buildx = DockerEngine.Run("buildx", "version").ExitCode == 0;
        Assert.AreEqual(BuilderKind.DockerBuildKit, info.Kind);
        Assert.AreEqual(DockerEngine.Client, info.ExecutablePath);
        Assert.AreEqual(server, info.EngineVersion + "|" + info.EnginePlatform);
        Assert.AreEqual(buildx, info.HasBuildx);
        Assert.AreEqual(0, info.Notes.Count);
    }

    [TestMethod]
    public void Detect_DockerBuildKit0_IsTheLegacyBuilder()
    {
        DockerEngine.Require();
        BuilderInfo info = BuilderDetector.Detect(BuilderPreference.Docker, DockerEnvironment(("DOCKER_BUILDKIT", "0")));
        Assert.AreEqual(BuilderKind.DockerLegacy, info.Kind);
        CollectionAssert.AreEqual(new[] { "DOCKER_BUILDKIT=0: the legacy builder" }, info.Notes.ToArray());
    }

    [TestMethod]
    public void Detect_DeadDaemon_IsCopt0012WithTheClientsMessage()
    {
        if (!File.Exists(DockerEngine.Client)) Assert.Inconclusive($"no docker client at {DockerEngine.Client}");
        string socket = Path.Combine(Path.GetTempPath(), "containeropt-nothing-" + Guid.NewGuid().ToString("N") + ".sock");
        string emptyPath = BuilderTestFiles.NewFolder("path");
        try
        {
            var watch = Stopwatch.StartNew();
            var e = Assert.ThrowsExactly<ImageBuilderException>(() => BuilderDetector.Detect(BuilderPreference.Auto,
                DockerEnvironment(("DOCKER_HOST", "unix://" + socket), ("PATH", emptyPath))));
            Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
            Assert.AreEqual("COPT0012", e.Code);
            Assert.AreEqual(
                $"'{DockerEngine.Client}' is installed but its engine does not answer: Cannot connect to the Docker daemon at unix://{socket}. Is the docker daemon running?. " +
                "Start the engine (e.g. 'sudo systemctl start docker', or 'bash build/docker-env.sh start' here) or point DOCKER_HOST at a running one.",
                e.Message);
        }
        finally
        {
            BuilderTestFiles.DeleteFolder(emptyPath);
        }
    }

    [TestMethod]
    public void Detect_NothingInstalled_IsCopt0011SayingWhatWasSearched()
    {
        var e = Assert.ThrowsExactly<ImageBuilderException>(() => BuilderDetector.Detect(BuilderPreference.Auto,
            new Dictionary<string, string?> { ["PATH"] = "", ["CONTAINEROPT_DOCKER"] = null }));
        Assert.AreEqual("COPT0011", e.Code);
        Assert.AreEqual(
            "No container builder found: searched CONTAINEROPT_DOCKER (not set); docker on PATH (PATH is empty); podman on PATH (PATH is empty). " +
            "Install Docker or Podman, or set ContainerOptBuilder (CLI: --builder) to the one to use.",
            e.Message);
    }

    [TestMethod]
    public void Detect_ConfiguredClientMissing_SaysSo()
    {
        string emptyPath = BuilderTestFiles.NewFolder("path");
        try
        {
            var e = Assert.ThrowsExactly<ImageBuilderException>(() => BuilderDetector.Detect(BuilderPreference.Docker,
                new Dictionary<string, string?> { ["PATH"] = emptyPath, ["CONTAINEROPT_DOCKER"] = "/nonexistent/docker" }));
            Assert.AreEqual("COPT0011", e.Code);
            StringAssert.StartsWith(e.Message, $"No container builder found: searched CONTAINEROPT_DOCKER=/nonexistent/docker (no such file); docker on PATH ({emptyPath}).");
        }
        finally
        {
            BuilderTestFiles.DeleteFolder(emptyPath);
        }
    }

    [TestMethod]
    public void Detect_Buildx_WhenAbsent_IsCopt0011()
    {
        DockerEngine.Require();
        if (DockerEngine.Run("buildx", "version").ExitCode == 0) Assert.Inconclusive("docker buildx is installed here: the absent case cannot run");
        var e = Assert.ThrowsExactly<ImageBuilderException>(() => BuilderDetector.Detect(BuilderPreference.Buildx, DockerEnvironment()));
        Assert.AreEqual("COPT0011", e.Code);
        StringAssert.Contains(e.Message, "buildx version' failed: the buildx plugin is not installed for this docker client");
    }

    [TestMethod]
    public void Detect_Buildx_Live()
    {
        DockerEngine.Require();
        var version = DockerEngine.Run("buildx", "version");
        if (version.ExitCode != 0) Assert.Inconclusive("docker buildx not installed: " + version.Output.Trim());
        BuilderInfo info = BuilderDetector.Detect(BuilderPreference.Buildx, DockerEnvironment());
        Assert.AreEqual(BuilderKind.Buildx, info.Kind);
        Assert.IsTrue(info.HasBuildx);
    }

    [TestMethod]
    public void Detect_Podman_Live()
    {
        // The store build/docker-env.sh sets up (Podman/PodmanEngine.cs); inconclusive with its reason when absent.
        Podman.PodmanEngine.Require();
        BuilderInfo info = BuilderDetector.Detect(BuilderPreference.Podman, Podman.PodmanEngine.Variables);
        Assert.AreEqual(BuilderKind.Podman, info.Kind);
        Assert.AreEqual(Podman.PodmanEngine.Client, info.ExecutablePath);
    }
}
