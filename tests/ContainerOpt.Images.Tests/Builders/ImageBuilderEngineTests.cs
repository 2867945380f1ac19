using System.Diagnostics;
using System.Text;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Builders;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Builders;

/// <summary>Real builds on the shared engine: failures mapped to lines, image ids, the cache, timeouts, save, inspect.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ImageBuilderEngineTests
{
    private const string Base = "containeropt/bookworm-base:1";

    private readonly List<string> _folders = new();
    private readonly List<string> _images = new();

    [TestCleanup]
    public void Cleanup()
    {
        foreach (string image in _images) DockerEngine.RemoveImage(image);
        foreach (string folder in _folders) BuilderTestFiles.DeleteFolder(folder);
    }

    private static BuilderInfo Detect(bool buildKit) =>
        BuilderDetector.Detect(BuilderPreference.Docker, new Dictionary<string, string?>
        {
            ["CONTAINEROPT_DOCKER"] = DockerEngine.Client,
            ["DOCKER_BUILDKIT"] = buildKit ? "1" : "0",
        });

    private string Context(string dockerfile, params (string Name, string Text)[] files)
    {
        string folder = BuilderTestFiles.NewFolder("ctx");
        _folders.Add(folder);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    private string NewTag()
    {
        string tag = "containeropt-test/builders-" + Guid.NewGuid().ToString("N").Substring(0, 12);
        _images.Add(tag);
        return tag;
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void FailingThirdInstruction_IsCopt0014AtLine3(bool buildKit)
    {
        DockerEngine.Require();
        string context = Context($"FROM {Base}\nRUN echo one\nRUN exit 3\nRUN echo never\n");
        var request = new ImageBuildRequest(context, Path.Combine(context, "Dockerfile")) { Network = "none" };
        var lines = new List<BuildOutputLine>();

        ImageBuildResult result = ImageBuilder.Build(request, Detect(buildKit), lines.Add);

        Assert.IsFalse(result.Succeeded);
        Assert.AreNotEqual(0, result.ExitCode);
        Assert.IsNull(result.ImageId);
        BuildFailure failure = result.Failure!;
        Assert.AreEqual("(3,1,3,11)", failure.Location.ToString());
        Assert.AreEqual(3, failure.Line);
        Assert.AreEqual("RUN exit 3", failure.Step!.Instruction);
        string expectedMessage = buildKit
            ? "executor failed running [/bin/sh -c exit 3]: exit code: 3"
            : "The command '/bin/sh -c exit 3' returned a non-zero code: 3";
        Assert.AreEqual(expectedMessage, failure.Message);
        // The finding names the instruction once: the builder's restatement of the command is left out.
        Assert.AreEqual($"{request.DockerfilePath}(3,1): error COPT0014: The image build failed at 'RUN exit 3': exit code: 3", failure.Finding.ToCanonicalString());
        Assert.AreEqual(DiagnosticSeverity.Error, failure.Finding.Severity);
        Assert.IsTrue(lines.Any(l => l.Text.Contains("RUN exit 3", StringComparison.Ordinal)), "the output was not streamed");
        Assert.IsFalse(result.Steps.Any(s => s.Instruction == "RUN echo never"));
    }

    /// <summary>
    /// Issue 13 item 5: each step's line is handed over as the builder finishes the step, not when the build is over:
    /// the first RUN's line arrives while the next one still sleeps.
    /// </summary>
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void StepLines_ArriveAsEachStepFinishes_WhileTheBuildRuns(bool buildKit)
    {
        DockerEngine.Require();
        string context = Context($"FROM {Base}\nRUN echo {Guid.NewGuid():N}\nRUN sleep 4\nRUN exit 5\n");
        var request = new ImageBuildRequest(context, Path.Combine(context, "Dockerfile")) { Network = "none" };
        var finished = new List<(string Line, TimeSpan At)>();
        var clock = Stopwatch.StartNew();

        ImageBuildResult result = ImageBuilder.Build(request, Detect(buildKit), null, null,
            step => finished.Add((BuildStepLine.Format(step), clock.Elapsed)));
        TimeSpan end = clock.Elapsed;

        Assert.IsFalse(result.Succeeded);
        CollectionAssert.AreEqual(new[] { "FROM", "RUN", "RUN", "RUN" }, finished.Select(f => f.Line.Split(' ')[1]).ToArray(), string.Join("\n", finished));
        StringAssert.StartsWith(finished[1].Line, "[2/4] RUN echo ");
        StringAssert.StartsWith(finished[2].Line, "[3/4] RUN sleep 4                                            DONE ");
        Assert.AreEqual("[4/4] RUN exit 5                                             ERROR", finished[3].Line);
        Assert.IsTrue(end - finished[1].At >= TimeSpan.FromSeconds(3),
            $"the line of step 2 came {finished[1].At} into a build of {end}: not while step 3 slept");
        Assert.AreEqual("COPT0014", result.Failure!.Finding.Code, "the failure is still the step's finding");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void FailingStep_CarriesItsErrorLine_WithoutTheSecret(bool buildKit)
    {
        DockerEngine.Require();
        string secret = "s3cret-" + Guid.NewGuid().ToString("N");
        string context = Context(
            $"FROM {Base}\nARG NUGET_TOKEN\nRUN echo '  Determining projects to restore...' && " +
            "echo \"/src/app.csproj : error NU1301: Unable to load the service index for source https://me:$NUGET_TOKEN@nuget.example/v3/index.json.\" && " +
            "echo '  Failed to restore /src/app.csproj (in 1.2 sec).' && exit 1\n");
        var request = new ImageBuildRequest(context, Path.Combine(context, "Dockerfile"))
        {
            Network = "none",
            BuildArgs = new[] { new BuildArgument("NUGET_TOKEN", secret) },
        };

        ImageBuildResult result = ImageBuilder.Build(request, Detect(buildKit), null);

        Assert.IsFalse(result.Succeeded);
        string message = result.Failure!.Finding.Message;
        StringAssert.EndsWith(message, "': exit code: 1\n  /src/app.csproj : error NU1301: Unable to load the service index for source https://me:***@nuget.example/v3/index.json.");
        Assert.IsFalse(message.Contains(secret, StringComparison.Ordinal), message);
        Assert.AreEqual(3, result.Failure.Line);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Success_ImageIdMatchesInspect_AndRebuildIsCached(bool buildKit)
    {
        DockerEngine.Require();
        string marker = Guid.NewGuid().ToString("N");
        string secret = "s3cret-" + Guid.NewGuid().ToString("N");
        string context = Context(
            $"FROM {Base}\nARG NUGET_TOKEN\nWORKDIR /app\nCOPY a.txt .\nRUN test \"$NUGET_TOKEN\" = \"{secret}\" && cat a.txt > b.txt && echo {marker}\n",
            ("a.txt", "hello\n"));
        string tag = NewTag();
        var request = new ImageBuildRequest(context, Path.Combine(context, "Dockerfile"))
        {
            Network = "none",
            Tags = new[] { tag },
            BuildArgs = new[] { new BuildArgument("NUGET_TOKEN", secret) },
            Labels = OciLabels.From(new OciProjectMetadata { Version = "1.2.3", Revision = "abc123" }),
        };
        BuilderInfo builder = Detect(buildKit);
        var lines = new List<string>();

        ImageBuildResult first = ImageBuilder.Build(request, builder, l => lines.Add(l.Text));
        Assert.IsTrue(first.Succeeded, first.Failure?.Finding.ToString());
        string inspected = DockerEngine.RunChecked("image", "inspect", "--format", "{{.Id}}", tag).StandardOutput.Trim();
        Assert.AreEqual(inspected, first.ImageId);
        Assert.AreEqual("1.2.3|abc123", DockerEngine.RunChecked("image", "inspect", "--format",
            "{{index .Config.Labels \"org.opencontainers.image.version\"}}|{{index .Config.Labels \"org.opencontainers.image.revision\"}}", tag).StandardOutput.Trim());
        BuildStep run = first.Steps.Single(s => s.Keyword == "RUN");
        Assert.IsFalse(run.Cached);
        Assert.AreEqual(5, run.DockerfileLine);
        Assert.IsFalse(lines.Any(l => l.Contains(secret, StringComparison.Ordinal)), "the secret build-arg value reached the log");
        Assert.IsFalse(first.CommandLine.Contains(secret, StringComparison.Ordinal));

        ImageBuildResult second = ImageBuilder.Build(request, builder, null);
        Assert.IsTrue(second.Succeeded);
        Assert.AreEqual(first.ImageId, second.ImageId);
        // BuildKit announces steps that do not depend on each other in any order (COPY may come before WORKDIR): compare in step order.
        var cacheable = second.Steps.Where(s => s.Keyword != "FROM" && s.Keyword != "ARG").OrderBy(s => s.Index).ToList();
        // The legacy builder applies --label as extra LABEL steps after the Dockerfile's own: no line of it.
        Assert.AreEqual(buildKit ? "WORKDIR COPY RUN" : "WORKDIR COPY RUN LABEL LABEL", string.Join(" ", cacheable.Select(s => s.Keyword)));
        Assert.IsTrue(cacheable.All(s => s.Cached), string.Join("\n", second.Steps));
        CollectionAssert.AreEqual(buildKit ? new int?[] { 3, 4, 5 } : new int?[] { 3, 4, 5, null, null }, cacheable.Select(s => s.DockerfileLine).ToArray());

        ImageInspection inspection = ImageBuilder.Inspect(builder, tag);
        Assert.AreEqual(first.ImageId, inspection.Id);
        Assert.AreEqual("linux/amd64", inspection.Platform);
        Assert.AreEqual(long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", tag).StandardOutput.Trim()), inspection.Size);
        Assert.IsNotNull(inspection.Created);
    }

    [TestMethod]
    public void Timeout_IsCopt0013AndLeavesNothingRunning()
    {
        DockerEngine.Require();
        string marker = "containeropt-timeout-" + Guid.NewGuid().ToString("N");
        string context = Context($"FROM {Base}\nRUN sleep 60 && echo {marker}\n");
        var request = new ImageBuildRequest(context, Path.Combine(context, "Dockerfile")) { Network = "none", Timeout = TimeSpan.FromSeconds(3) };
        var watch = Stopwatch.StartNew();

        var e = Assert.ThrowsExactly<ImageBuilderException>(() => ImageBuilder.Build(request, Detect(buildKit: true), null));

        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
        Assert.AreEqual("COPT0013", e.Code);
        Assert.AreEqual("'docker build' did not finish within 3 s; it was stopped. Raise ContainerOptBuildTimeout (seconds) or look at the builder's output above.", e.Message);
        Assert.AreEqual(0, ProcessRunnerTests.ProcessesWith(marker), "the build's process outlived the timeout");
    }

    [TestMethod]
    public void Save_StreamsADockerArchive()
    {
        DockerEngine.Require();
        string context = Context("FROM scratch\nCOPY a.txt /\n", ("a.txt", "saved\n"));
        string tag = NewTag();
        BuilderInfo builder = Detect(buildKit: true);
        ImageBuildResult built = ImageBuilder.Build(new ImageBuildRequest(context, Path.Combine(context, "Dockerfile")) { Tags = new[] { tag } }, builder, null);
        Assert.IsTrue(built.Succeeded);

        byte[] archive = ImageBuilder.Save(builder, tag, stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, TimeSpan.FromSeconds(60));

        Assert.AreEqual(0, archive.Length % 512, "a tar is made of 512-byte blocks");
        Assert.AreEqual("ustar", Encoding.ASCII.GetString(archive, 257, 5));
        List<string> names = TarNames(archive);
        CollectionAssert.Contains(names, "manifest.json");
        Assert.IsTrue(names.Any(n => n.EndsWith("/layer.tar", StringComparison.Ordinal)), string.Join(", ", names));
    }

    [TestMethod]
    public void Save_MissingImage_IsCopt0015WithTheEnginesMessage()
    {
        DockerEngine.Require();
        string missing = "containeropt-test/builders-missing-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var e = Assert.ThrowsExactly<ImageBuilderException>(() =>
            ImageBuilder.Save(Detect(buildKit: true), missing, stream => stream.ReadByte(), TimeSpan.FromSeconds(60)));
        Assert.AreEqual("COPT0015", e.Code);
        StringAssert.StartsWith(e.Message, $"Cannot read the image '{missing}': 'docker save' exited 1: Error response from daemon:");
    }

    [TestMethod]
    public void Inspect_MissingImage_IsCopt0015()
    {
        DockerEngine.Require();
        var e = Assert.ThrowsExactly<ImageBuilderException>(() => ImageBuilder.Inspect(Detect(buildKit: true), "containeropt-test/builders-none:0"));
        Assert.AreEqual("COPT0015", e.Code);
        Assert.AreEqual("Cannot read the image 'containeropt-test/builders-none:0': Error: No such image: containeropt-test/builders-none:0", e.Message);
    }

    [TestMethod]
    public void BaseImagePlatform_ArmImageOnAnAmdEngine_IsCopt1121AtTheImageName()
    {
        DockerEngine.Require();
        // BuildKit records the requested platform for a scratch image (docker import in 20.10 ignores --platform).
        string armContext = Context("FROM scratch\nCOPY a.txt /\n", ("a.txt", "arm\n"));
        string arm = NewTag();
        DockerEngine.RunChecked("build", "--platform", "linux/arm64", "-q", "-t", arm, armContext);
        BuilderInfo builder = Detect(buildKit: true);
        Assert.AreEqual("linux/amd64", builder.EnginePlatform);

        string text = $"FROM {Base} AS ok\nFROM {arm}\nCOPY --from=ok /etc/os-release /\n";
        DockerfileModel model = DockerfileModel.Build(DockerfileParser.Parse(text, "Dockerfile"));
        Finding finding = BaseImagePlatformCheck.Run(model, "Dockerfile", builder, null).Single();
        Assert.AreEqual($"Dockerfile(2,6): warning COPT1121: Base image {arm} was pulled with platform \"linux/arm64\", expected \"linux/amd64\" for current build. " +
            $"Pull it for linux/amd64 ('docker pull --platform=linux/amd64 {arm}'), or build for linux/arm64 (--platform=linux/arm64).", finding.ToCanonicalString());
        Assert.AreEqual($"(2,6,2,{6 + arm.Length})", finding.Location.ToString());

        DockerfileModel matching = DockerfileModel.Build(DockerfileParser.Parse($"FROM --platform=linux/arm64 {arm}\nFROM {Base}\n", "Dockerfile"));
        var request = new ImageBuildRequest(armContext, "Dockerfile") { Target = null };
        Assert.AreEqual(0, BaseImagePlatformCheck.Run(matching, "Dockerfile", builder, request).Count);
    }

    /// <summary>Entry names of a tar (ustar headers: name at 0, octal size at 124).</summary>
    private static List<string> TarNames(byte[] tar)
    {
        var names = new List<string>();
        int offset = 0;
        while (offset + 512 <= tar.Length && tar[offset] != 0)
        {
            string name = Encoding.UTF8.GetString(tar, offset, 100).TrimEnd('\0');
            string prefix = Encoding.UTF8.GetString(tar, offset + 345, 155).TrimEnd('\0');
            long size = Convert.ToInt64(Encoding.ASCII.GetString(tar, offset + 124, 12).Trim('\0', ' '), 8);
            names.Add(prefix.Length > 0 ? prefix + "/" + name : name);
            offset += 512 + (int)((size + 511) / 512 * 512);
        }
        return names;
    }
}
