using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Podman;

/// <summary>Real podman 4.3 builds on the private store: detection, a failure mapped to its line, image ids and the cache.</summary>
[TestClass]
[DoNotParallelize]
public sealed class PodmanBuilderTests
{
    private const string Base = "containeropt/bookworm-base:1";
    private readonly List<string> _folders = new();
    private readonly List<string> _images = new();

    [TestCleanup]
    public void Cleanup()
    {
        foreach (string image in _images) PodmanEngine.RemoveImage(image);
        foreach (string folder in _folders) Builders.BuilderTestFiles.DeleteFolder(folder);
    }

    private string Context(string dockerfile, params (string Name, string Text)[] files)
    {
        string folder = Builders.BuilderTestFiles.NewFolder("podman");
        _folders.Add(folder);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    internal static BuilderInfo Detect() => BuilderDetector.Detect(BuilderPreference.Podman, PodmanEngine.Variables);

    [TestMethod]
    public void Detect_FindsPodmanWithItsVersionAndPassesTheStoreOn()
    {
        PodmanEngine.Require();
        BuilderInfo info = Detect();
        Assert.AreEqual(BuilderKind.Podman, info.Kind);
        Assert.AreEqual(PodmanEngine.Client, info.ExecutablePath);
        Assert.AreEqual(PodmanEngine.RunChecked("version", "--format", "{{.Client.Version}}").StandardOutput.Trim(), info.EngineVersion);
        Assert.AreEqual("linux/amd64", info.EnginePlatform);
        Assert.AreEqual(PodmanEngine.Variables["CONTAINERS_STORAGE_CONF"], info.Environment["CONTAINERS_STORAGE_CONF"]);
    }

    [TestMethod]
    public void FailingThirdInstruction_IsCopt0014AtLine3()
    {
        PodmanEngine.Require();
        string context = Context($"FROM {Base}\nRUN echo one\nRUN exit 3\nRUN echo never\n");
        var request = new ImageBuildRequest(context, Path.Combine(context, "Dockerfile")) { Network = "none", NoCache = true };
        var lines = new List<BuildOutputLine>();

        ImageBuildResult result = ImageBuilder.Build(request, Detect(), lines.Add);

        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual(3, result.ExitCode);
        Assert.IsNull(result.ImageId);
        Assert.AreEqual("(3,1,3,11)", result.Failure!.Location.ToString());
        Assert.AreEqual("RUN exit 3", result.Failure.Step!.Instruction);
        Assert.AreEqual($"{request.DockerfilePath}(3,1): error COPT0014: The image build failed at 'RUN exit 3': while running runtime: exit status 3",
            result.Failure.Finding.ToCanonicalString());
        Assert.AreEqual("FROM RUN RUN", string.Join(" ", result.Steps.Select(s => s.Keyword)));
        CollectionAssert.AreEqual(new[] { "one" }, result.Steps[1].OutputTail.ToArray());
        Assert.IsTrue(lines.Any(l => l.IsStandardError && l.Text.StartsWith("Error: building at STEP \"RUN exit 3\"", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Success_ImageIdMatchesInspect_AndRebuildIsCached()
    {
        PodmanEngine.Require();
        string marker = Guid.NewGuid().ToString("N");
        string secret = "s3cret-" + Guid.NewGuid().ToString("N");
        string context = Context(
            $"FROM {Base}\nARG NUGET_TOKEN\nWORKDIR /app\nCOPY a.txt .\nRUN test \"$NUGET_TOKEN\" = \"{secret}\" && cat a.txt > b.txt && echo {marker}\n",
            ("a.txt", "hello\n"));
        string tag = "containeropt-test/podman-" + Guid.NewGuid().ToString("N").Substring(0, 12);
        _images.Add(tag);
        var request = new ImageBuildRequest(context, Path.Combine(context, "Dockerfile"))
        {
            Network = "none",
            Tags = new[] { tag },
            BuildArgs = new[] { new BuildArgument("NUGET_TOKEN", secret) },
            Labels = OciLabels.From(new OciProjectMetadata { Version = "1.2.3", Revision = "abc123" }),
        };
        BuilderInfo builder = Detect();
        var lines = new List<string>();

        // The first build must be a first one: buildah reuses the intermediate images of an earlier run on this machine for
        // the steps before the RUN (its ARG step matches whatever the value), and an interrupted run leaves its test images
        // behind, which keep those intermediates. This class runs alone ([DoNotParallelize]): clear both.
        foreach (string leftover in PodmanEngine.RunChecked("images", "--format", "{{.Repository}}:{{.Tag}}").StandardOutput
                     .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     .Where(r => r.StartsWith("localhost/containeropt-test/", StringComparison.Ordinal)))
        {
            PodmanEngine.RemoveImage(leftover);
        }
        PodmanEngine.RunChecked("image", "prune", "--force");
        ImageBuildResult first = ImageBuilder.Build(request, builder, l => lines.Add(l.Text));

        Assert.IsTrue(first.Succeeded, first.Failure?.Finding.ToString());
        string inspected = PodmanEngine.RunChecked("image", "inspect", "--format", "{{.Id}}", tag).StandardOutput.Trim();
        Assert.AreEqual("sha256:" + inspected, first.ImageId);
        Assert.AreEqual("1.2.3|abc123", PodmanEngine.RunChecked("image", "inspect", "--format",
            "{{index .Labels \"org.opencontainers.image.version\"}}|{{index .Labels \"org.opencontainers.image.revision\"}}", tag).StandardOutput.Trim());
        // Like the legacy docker builder, podman applies --label as extra LABEL steps after the Dockerfile's own: no line of it.
        Assert.AreEqual("FROM ARG WORKDIR COPY RUN LABEL LABEL", string.Join(" ", first.Steps.Select(s => s.Keyword)));
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3, 4, 5, null, null }, first.Steps.Select(s => s.DockerfileLine).ToArray());
        Assert.IsFalse(first.Steps.Any(s => s.Cached), string.Join("\n", first.Steps.Select(s => $"{s.Keyword} cached={s.Cached}")) + "\n" + string.Join("\n", lines));
        CollectionAssert.AreEqual(new[] { marker }, first.Steps[4].OutputTail.ToArray());
        Assert.IsFalse(lines.Any(l => l.Contains(secret, StringComparison.Ordinal)), "the secret build-arg value reached the log");
        Assert.IsFalse(first.CommandLine.Contains(secret, StringComparison.Ordinal));

        ImageBuildResult second = ImageBuilder.Build(request, builder, null);
        Assert.IsTrue(second.Succeeded);
        Assert.AreEqual(first.ImageId, second.ImageId);
        Assert.AreEqual("ARG WORKDIR COPY RUN LABEL LABEL", string.Join(" ", second.Steps.Where(s => s.Cached).Select(s => s.Keyword)));

        ImageInspection inspection = ImageBuilder.Inspect(builder, tag);
        Assert.AreEqual(inspected, inspection.Id);
        Assert.AreEqual("linux/amd64", inspection.Platform);
        Assert.AreEqual(long.Parse(PodmanEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", tag).StandardOutput.Trim()), inspection.Size);
    }
}
