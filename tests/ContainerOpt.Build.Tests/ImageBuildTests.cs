using System.Globalization;
using System.Text.Json;
using ContainerOpt.Build.Tests.Infrastructure;
using ContainerOpt.TestSupport;
using Microsoft.Build.Logging.StructuredLogger;
using StructuredTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Issue #6 through MSBuild on the real engine: `dotnet publish -p:ContainerOptBuildImage=true` builds
/// the image, streams the builder's output, reports every layer (log table, ContainerOptImageLayer
/// items in the binlog, JSON report under obj/), applies the gates at the responsible lines, and turns
/// a failed step, a dead daemon or a missing builder into coded diagnostics.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ImageBuildTests : BuildTestBase
{
    /// <summary>5 MiB made on line 2 and deleted on line 3; 1 MiB left in apt's lists on line 4.</summary>
    private const string WastefulDockerfile = """
        FROM containeropt/bookworm-base:1
        RUN head -c 5242880 /dev/urandom > /big.bin
        RUN rm /big.bin
        RUN mkdir -p /var/lib/apt/lists && head -c 1048576 /dev/urandom > /var/lib/apt/lists/deb.debian.org_dists_bookworm_main
        CMD ["true"]

        """;

    [TestMethod]
    public void Publish_builds_the_generated_image_and_reports_every_layer()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("web-api");
        sample.VendorPackages("src/Api/Api.csproj");
        sample.Generate("src/Api/Api.csproj");
        string name = "containeropt-test/publish-web-api";
        string tag = RunFixture.RunId.ToLowerInvariant();
        string binlog = sample.PathOf("publish.binlog");
        try
        {
            var publish = sample.Dotnet("publish", "src/Api/Api.csproj", "-nologo", "-tl:off", "-v:n", "-bl:" + binlog,
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none",
                $"-p:ContainerOptImageName={name}", $"-p:ContainerOptImageTag={tag}", "-p:Version=1.2.3");
            BuildAssert.Succeeded(publish);
            Assert.AreEqual(0, publish.ContainerOptDiagnostics.Count, "the generated Dockerfile lints clean in its real context:\n" + publish.Describe());
            string dockerfile = sample.PathOf("src/Api/Dockerfile");
            int copyLine = Array.FindIndex(File.ReadAllLines(dockerfile), l => l == "COPY --from=build /app .") + 1;
            int finalFromLine = Array.FindLastIndex(File.ReadAllLines(dockerfile), l => l.StartsWith("FROM ", StringComparison.Ordinal)) + 1;

            // The builder's output streamed into the log (normal importance); the table at high importance.
            StringAssert.Contains(publish.Stdout, "RUN dotnet restore");
            StringAssert.Matches(publish.Stdout, new System.Text.RegularExpressions.Regex(@"SIZE\s+COMPRESSED\s+WASTED\s+LINE"));
            StringAssert.Contains(publish.Stdout, $"ContainerOpt: built {name}:{tag}");

            // The JSON report under obj/, in the contract's shape, agreeing with the engine.
            string reportPath = sample.PathOf("src/Api/obj/Release/net10.0/containeropt/image-report.json");
            Assert.IsTrue(File.Exists(reportPath), publish.Describe());
            using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
            var root = report.RootElement;
            long size = root.GetProperty("size").GetInt64();
            Assert.AreEqual(ImageSample.ImageSize($"{name}:{tag}"), size, "the report's size is docker's");
            var layers = root.GetProperty("layers").EnumerateArray().ToList();
            Assert.AreEqual(size, layers.Sum(l => l.GetProperty("size").GetInt64()), "the image size is the sum of its layers");
            var last = layers[^1];
            Assert.AreEqual(copyLine, last.GetProperty("dockerfileLine").GetInt32(), "the app's layer comes from COPY --from=build");
            Assert.AreEqual(dockerfile, last.GetProperty("dockerfile").GetString());
            Assert.IsTrue(last.GetProperty("largestFiles").EnumerateArray().Any(f => f.GetProperty("path").GetString() == "app/Api.dll"), last.ToString());
            Assert.AreEqual(finalFromLine, layers[0].GetProperty("dockerfileLine").GetInt32(), "base image layers come from the final FROM");
            foreach (var key in new[] { "image", "size", "wastedBytes", "efficiency", "layers" })
            {
                Assert.IsTrue(root.TryGetProperty(key, out _), $"report lacks '{key}'");
            }
            foreach (var key in new[] { "index", "digest", "size", "compressedSize", "createdBy", "dockerfile", "dockerfileLine", "wastedBytes", "largestFiles" })
            {
                Assert.IsTrue(last.TryGetProperty(key, out _), $"layer lacks '{key}'");
            }

            // OCI labels from the project.
            string version = DockerEngine.RunChecked("image", "inspect", "--format", "{{index .Config.Labels \"org.opencontainers.image.version\"}}", $"{name}:{tag}").StandardOutput.Trim();
            Assert.AreEqual("1.2.3", version);

            // The binlog: ContainerOptImageLayer items with the contract's metadata.
            var build = BinaryLog.ReadBuild(binlog);
            var task = build.FindChildrenRecursive<StructuredTask>(t => t.Name == "BuildContainerImage").Single();
            var output = task.FindChildrenRecursive<Folder>(f => f.Name == "OutputItems").Single()
                .Children.OfType<NamedNode>().Single(n => n.Name == "ContainerOptImageLayer");
            var items = output.FindChildrenRecursive<Item>();
            Assert.HasCount(layers.Count, items);
            var lastItem = items[^1].FindChildrenRecursive<Metadata>().ToDictionary(m => m.Name, m => m.Value);
            Assert.AreEqual((layers.Count - 1).ToString(CultureInfo.InvariantCulture), lastItem["Index"]);
            Assert.AreEqual(last.GetProperty("digest").GetString(), lastItem["Digest"]);
            Assert.AreEqual(last.GetProperty("size").GetInt64().ToString(CultureInfo.InvariantCulture), lastItem["Size"]);
            Assert.AreEqual(copyLine.ToString(CultureInfo.InvariantCulture), lastItem["DockerfileLine"]);
            Assert.AreEqual("0", lastItem["WastedBytes"]);
            foreach (var key in new[] { "CompressedSize", "CreatedBy" })
            {
                Assert.IsTrue(lastItem.ContainsKey(key), $"item lacks {key}");
            }
        }
        finally
        {
            DockerEngine.RemoveImage($"{name}:{tag}");
        }
    }

    [TestMethod]
    [DataRow("worker", "src/Worker/Worker.csproj", "Worker.dll")]
    [DataRow("web-refs-cpm", "src/Web/Web.csproj", "Humanizer.dll")]
    public void Publish_builds_and_reports_the_other_samples(string sampleName, string project, string appFile)
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy(sampleName);
        sample.VendorPackages(project);
        sample.Generate(project);
        string image = $"containeropt-test/publish-{sampleName}:{RunFixture.RunId.ToLowerInvariant()}";
        try
        {
            var publish = sample.Dotnet("publish", project, "-nologo", "-tl:off",
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}");
            BuildAssert.Succeeded(publish);
            Assert.AreEqual(0, publish.ContainerOptDiagnostics.Count, publish.Describe());
            string dockerfile = sample.PathOf(Path.Combine(Path.GetDirectoryName(project)!, "Dockerfile"));
            int copyLine = Array.FindIndex(File.ReadAllLines(dockerfile), l => l == "COPY --from=build /app .") + 1;
            string reportPath = sample.PathOf(Path.Combine(Path.GetDirectoryName(project)!, "obj/Release/net10.0/containeropt/image-report.json"));
            using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
            Assert.AreEqual(ImageSample.ImageSize(image), report.RootElement.GetProperty("size").GetInt64());
            var last = report.RootElement.GetProperty("layers").EnumerateArray().Last();
            Assert.AreEqual(copyLine, last.GetProperty("dockerfileLine").GetInt32());
            Assert.IsTrue(last.GetProperty("largestFiles").EnumerateArray().Any(f => f.GetProperty("path").GetString() == "app/" + appFile)
                || ImageSample.FileSystemPaths(image).Contains("app/" + appFile), last.ToString());
            Assert.AreEqual(0, report.RootElement.GetProperty("wastedBytes").GetInt64(), "a generated image wastes nothing");
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    /// <summary>
    /// Issue 12 item 5, the inner loop: a publish after a source edit reuses the compressed sizes of the base image's
    /// layers, kept in obj/ by the first publish, estimates only the layers that changed, reports the same sizes an
    /// estimate gives, and `dotnet clean` removes the file.
    /// </summary>
    [TestMethod]
    public void A_publish_after_a_source_edit_reuses_the_compressed_sizes_of_the_unchanged_layers()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("worker");
        const string project = "src/Worker/Worker.csproj";
        sample.VendorPackages(project);
        sample.Generate(project);
        string image = $"containeropt-test/sizes-worker:{RunFixture.RunId.ToLowerInvariant()}";
        string objFolder = sample.PathOf("src/Worker/obj/Release/net10.0/containeropt");
        string cacheFile = Path.Combine(objFolder, "compressed-sizes.cache");
        var reused = new System.Text.RegularExpressions.Regex(@"compressed sizes: (\d+) layers unchanged since the last read \(estimate reused\), (\d+) estimated");
        DotnetResult Publish() => sample.Dotnet("publish", project, "-nologo", "-tl:off", "-v:n",
            "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}");
        List<JsonElement> Layers() => JsonDocument.Parse(File.ReadAllText(Path.Combine(objFolder, "image-report.json"))).RootElement
            .GetProperty("layers").EnumerateArray().ToList();
        try
        {
            var first = Publish();
            BuildAssert.Succeeded(first);
            var firstCounts = reused.Match(first.Stdout);
            Assert.IsTrue(firstCounts.Success, first.Describe());
            var firstLayers = Layers();
            Assert.AreEqual("0", firstCounts.Groups[1].Value, "nothing to reuse on the first publish");
            Assert.AreEqual(firstLayers.Count.ToString(CultureInfo.InvariantCulture), firstCounts.Groups[2].Value);
            Assert.IsTrue(File.Exists(cacheFile), first.Describe());
            string dockerfile = sample.PathOf("src/Worker/Dockerfile");
            int finalFromLine = Array.FindLastIndex(File.ReadAllLines(dockerfile), l => l.StartsWith("FROM ", StringComparison.Ordinal)) + 1;
            int baseLayers = firstLayers.Count(l => l.GetProperty("dockerfileLine").GetInt32() == finalFromLine);
            Assert.IsTrue(baseLayers >= 1 && baseLayers < firstLayers.Count, string.Join("\n", firstLayers));

            string heartbeat = sample.PathOf("src/Worker/Heartbeat.cs");
            File.WriteAllText(heartbeat, File.ReadAllText(heartbeat).Replace("worker heartbeat", "worker heartbeat (edited)", StringComparison.Ordinal));
            var second = Publish();
            BuildAssert.Succeeded(second);
            var secondCounts = reused.Match(second.Stdout);
            Assert.IsTrue(secondCounts.Success, second.Describe());
            var secondLayers = Layers();
            // Every layer whose bytes did not change is reused (the base image's, and any of the app's stage the edit
            // did not reach); the app's layer changed and is estimated.
            Assert.AreEqual(firstLayers.Count, secondLayers.Count);
            int unchanged = Enumerable.Range(0, secondLayers.Count)
                .Count(i => firstLayers[i].GetProperty("digest").GetString() == secondLayers[i].GetProperty("digest").GetString());
            Assert.IsTrue(unchanged >= baseLayers && unchanged < secondLayers.Count, string.Join("\n", secondLayers));
            Assert.AreNotEqual(firstLayers[^1].GetProperty("digest").GetString(), secondLayers[^1].GetProperty("digest").GetString(), "the app's layer changed");
            Assert.AreEqual(unchanged.ToString(CultureInfo.InvariantCulture), secondCounts.Groups[1].Value, second.Describe());
            Assert.AreEqual((secondLayers.Count - unchanged).ToString(CultureInfo.InvariantCulture), secondCounts.Groups[2].Value);
            for (int i = 0; i < unchanged; i++)
            {
                Assert.AreEqual(firstLayers[i].GetProperty("compressedSize").GetInt64(), secondLayers[i].GetProperty("compressedSize").GetInt64());
            }
            Assert.IsTrue(secondLayers.All(l => l.GetProperty("compressedSize").GetInt64() > 0), string.Join("\n", secondLayers));

            BuildAssert.Succeeded(sample.Dotnet("clean", project, "-nologo", "-c", "Release"));
            Assert.IsFalse(File.Exists(cacheFile), "dotnet clean removes the kept sizes");
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    /// <summary>
    /// Issue 13 item 5: at `dotnet publish`'s default verbosity the image build lists its steps as they finish, like
    /// `docker build`, and nothing of the builder's own output (that stays at -v:n); -v:q lists none. MSBuild's console
    /// logger (-tl:off, and any redirected or CI output) shows high-importance messages from minimal verbosity up. The
    /// terminal logger (the default on a terminal, forced here with -tl:on) shows none below -v:detailed by design:
    /// live, it names the running target with its time; at -v:d it lists the steps under the project.
    /// </summary>
    [TestMethod]
    public void Publish_lists_each_step_as_it_finishes_at_the_default_verbosity()
    {
        DockerEngine.Require();
        var scratch = new Scratch("image-steps");
        string marker = RunFixture.RunId.ToLowerInvariant();
        var project = scratch.ConsoleApp("app",
            "FROM containeropt/bookworm-base:1 AS build\n" +
            "WORKDIR /src\n" +
            $"RUN echo {marker} > stamp\n" +
            "FROM containeropt/bookworm-base:1\n" +
            "COPY --from=build /src/stamp /stamp\n" +
            "CMD [\"true\"]\n");
        string image = $"containeropt-test/steps:{marker}";
        DotnetResult Publish(params string[] logging) => scratch.Dotnet(new[] { "publish", project, "-nologo", "-o", scratch.PathOf("out"),
            "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}" }.Concat(logging).ToArray());
        // The step lines as printed (ANSI codes of the terminal logger taken out), each step's time made '#.#'.
        static string[] StepLines(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x1b]*\x1b\\)", "")
            .Split('\n')
            .Select(l => l.TrimEnd('\r').Trim())
            .Where(l => l.StartsWith("ContainerOpt: [", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"DONE \d+\.\ds$", "DONE #.#s"))
            .ToArray();
        // BuildKit runs a base image shared by two stages once, under either stage's label; the other steps are the
        // Dockerfile's, each once. WORKDIR may come from the cache of an earlier test's image with the same start.
        void AssertSteps(DotnetResult result, string runAndCopy)
        {
            string[] lines = StepLines(result.Stdout);
            Assert.AreEqual(1, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l,
                @"^ContainerOpt: \[(build 1/3|stage-1 1/2)\] FROM docker\.io/containeropt/bookworm-base:1 +(CACHED|DONE #\.#s)$")), result.Describe());
            Assert.AreEqual(1, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l,
                @"^ContainerOpt: \[build 2/3\] WORKDIR /src {37}(CACHED|DONE #\.#s)$")), result.Describe());
            var rest = lines.Where(l => !l.Contains("] FROM ", StringComparison.Ordinal) && !l.Contains("] WORKDIR ", StringComparison.Ordinal)).ToArray();
            CollectionAssert.AreEquivalent(new[]
            {
                $"ContainerOpt: [build 3/3] RUN echo {marker} > stamp".PadRight("ContainerOpt: ".Length + 60) + " " + runAndCopy,
                "ContainerOpt: [stage-1 2/2] COPY --from=build /src/stamp /stamp            " + runAndCopy,
            }, rest, result.Describe());
            Assert.AreEqual(4, lines.Length, result.Describe());
        }
        try
        {
            var first = Publish("-tl:off");
            BuildAssert.Succeeded(first);
            AssertSteps(first, "DONE #.#s");
            int lastStep = first.Stdout.LastIndexOf("ContainerOpt: [", StringComparison.Ordinal);
            Assert.IsTrue(lastStep < first.Stdout.IndexOf($"ContainerOpt: built {image}", StringComparison.Ordinal), "the steps come before the summary:\n" + first.Stdout);
            Assert.IsFalse(first.Stdout.Contains("[internal] load build definition", StringComparison.Ordinal), "the builder's own output stays at -v:n:\n" + first.Stdout);

            var quiet = Publish("-tl:off", "-v:q");
            BuildAssert.Succeeded(quiet);
            Assert.AreEqual(0, StepLines(quiet.Stdout).Length, quiet.Describe());
            Assert.IsFalse(quiet.Stdout.Contains("ContainerOpt:", StringComparison.Ordinal), quiet.Describe());

            // The terminal logger, forced without a terminal: its live line names the target that builds the image.
            var terminal = Publish("-tl:on");
            BuildAssert.Succeeded(terminal);
            StringAssert.Matches(terminal.Stdout, new System.Text.RegularExpressions.Regex(@"ContainerOptBuildImage \(\d+\.\ds\)"), terminal.Describe());
            Assert.AreEqual(0, StepLines(terminal.Stdout).Length, "the terminal logger shows no message below -v:detailed: " + terminal.Describe());
            var detailed = Publish("-tl:on", "-v:d");
            BuildAssert.Succeeded(detailed);
            AssertSteps(detailed, "CACHED");
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    [TestMethod]
    public void A_builder_that_hangs_is_stopped_at_the_timeout()
    {
        DockerEngine.Require();
        var scratch = new Scratch("image-timeout");
        var project = scratch.ConsoleApp("app", "FROM containeropt/bookworm-base:1\nRUN sleep 120\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
            "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", "-p:ContainerOptImageName=containeropt-test/timeout", "-p:ContainerOptBuildTimeout=5");
        Assert.AreNotEqual(0, publish.ExitCode, publish.Describe());
        var error = publish.ContainerOptDiagnostics.Single(d => d.IsError);
        Assert.AreEqual("COPT0013", error.Code, publish.Describe());
        StringAssert.Contains(error.Message, "did not finish within 5 s");
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(60), $"the publish took {watch.Elapsed}");
    }

    [TestMethod]
    public void Gates_fail_the_build_at_the_lines_that_made_the_bytes()
    {
        DockerEngine.Require();
        var scratch = new Scratch("image-gates");
        var project = scratch.ConsoleApp("app", WastefulDockerfile);
        string dockerfile = scratch.PathOf("app/Dockerfile");
        string image = $"containeropt-test/gates:{RunFixture.RunId.ToLowerInvariant()}";
        try
        {
            var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}",
                "-p:ContainerOptMaxWastedBytes=1MB", "-p:ContainerOptMinEfficiency=99%", "-p:ContainerOptMaxImageSize=50MB");
            Assert.AreNotEqual(0, publish.ExitCode, publish.Describe());
            var errors = publish.ContainerOptDiagnostics.Where(d => d.IsError).ToList();
            var byCode = errors.ToDictionary(d => d.Code);
            CollectionAssert.AreEquivalent(new[] { "COPT3101", "COPT3102", "COPT3103" }, byCode.Keys.ToArray(), publish.Describe());
            // The largest layer is the base image's (FROM, line 1); the waste is made on line 2 (5 MiB removed later).
            Assert.AreEqual(dockerfile, byCode["COPT3101"].Origin);
            Assert.AreEqual((1, 1), (byCode["COPT3101"].Line, byCode["COPT3101"].Column));
            Assert.AreEqual((2, 1), (byCode["COPT3102"].Line, byCode["COPT3102"].Column));
            Assert.AreEqual((2, 1), (byCode["COPT3103"].Line, byCode["COPT3103"].Column));
            StringAssert.Contains(byCode["COPT3102"].Message, "(6,291,456 bytes)", "5 MiB deleted + 1 MiB of apt lists left behind");

            string reportPath = scratch.PathOf("app/obj/Release/net10.0/containeropt/image-report.json");
            using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
            var layers = report.RootElement.GetProperty("layers").EnumerateArray().ToList();
            Assert.AreEqual(6_291_456, report.RootElement.GetProperty("wastedBytes").GetInt64());
            Assert.AreEqual(5_242_880, layers.Single(l => l.GetProperty("dockerfileLine").GetInt32() == 2).GetProperty("wastedBytes").GetInt64());
            Assert.AreEqual(1_048_576, layers.Single(l => l.GetProperty("dockerfileLine").GetInt32() == 4).GetProperty("wastedBytes").GetInt64());

            // The gates are opt-in: without them the same build passes.
            var ungated = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}");
            BuildAssert.Succeeded(ungated);
            Assert.AreEqual(0, ungated.ContainerOptDiagnostics.Count(d => d.IsError), ungated.Describe());
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    [TestMethod]
    public void Publish_builds_with_podman_when_asked()
    {
        string state = System.Environment.GetEnvironmentVariable("CONTAINEROPT_PODMAN_STATE") is { Length: > 0 } s ? s : "/var/lib/containeropt-podman";
        string status = Path.Combine(state, "status");
        string ready = File.Exists(status) ? File.ReadAllText(status).Trim() : $"{status} does not exist";
        if (ready != "ready")
        {
            Assert.Inconclusive($"podman is not set up here ({ready}); build/docker-env.sh start sets it up when it can run");
        }
        var scratch = new Scratch("image-podman");
        var project = scratch.ConsoleApp("app", WastefulDockerfile);
        string image = $"containeropt-test/podman:{RunFixture.RunId.ToLowerInvariant()}";
        var environment = new Dictionary<string, string?>(RunFixture.Environment)
        {
            ["CONTAINERS_CONF"] = Path.Combine(state, "containers.conf"),
            ["CONTAINERS_STORAGE_CONF"] = Path.Combine(state, "storage.conf"),
        };
        try
        {
            var publish = DotnetRunner.Run(scratch.Root, new[] { "publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuilder=podman", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}" }, environment);
            BuildAssert.Succeeded(publish);
            StringAssert.Contains(publish.Stdout, $"ContainerOpt: built {image} (", publish.Describe());
            StringAssert.Contains(publish.Stdout, ") with podman in ", publish.Describe());
            using var report = JsonDocument.Parse(File.ReadAllText(scratch.PathOf("app/obj/Release/net10.0/containeropt/image-report.json")));
            var layers = report.RootElement.GetProperty("layers").EnumerateArray().ToList();
            Assert.AreEqual(6_291_456, report.RootElement.GetProperty("wastedBytes").GetInt64());
            Assert.AreEqual(5_242_880, layers.Single(l => l.GetProperty("dockerfileLine").ValueKind == JsonValueKind.Number && l.GetProperty("dockerfileLine").GetInt32() == 2).GetProperty("wastedBytes").GetInt64());
        }
        finally
        {
            ProcessResult.Run("/usr/bin/podman", new[] { "image", "rm", "-f", image }, TimeSpan.FromMinutes(1),
                environment: new Dictionary<string, string> { ["CONTAINERS_CONF"] = environment["CONTAINERS_CONF"]!, ["CONTAINERS_STORAGE_CONF"] = environment["CONTAINERS_STORAGE_CONF"]! });
        }
    }

    [TestMethod]
    public void A_failed_step_is_an_error_at_its_dockerfile_line()
    {
        DockerEngine.Require();
        var scratch = new Scratch("image-fails");
        var project = scratch.ConsoleApp("app", "FROM containeropt/bookworm-base:1\nRUN echo building\nRUN echo failing && exit 3\nCMD [\"true\"]\n");
        string dockerfile = scratch.PathOf("app/Dockerfile");
        var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
            "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName=containeropt-test/fails");
        Assert.AreNotEqual(0, publish.ExitCode, publish.Describe());
        var error = publish.ContainerOptDiagnostics.Single(d => d.IsError);
        Assert.AreEqual("COPT0014", error.Code, publish.Describe());
        Assert.AreEqual(dockerfile, error.Origin);
        Assert.AreEqual((3, 1), (error.Line, error.Column));
        // The step printed no error line: its last line comes with the exit code.
        Assert.AreEqual("The image build failed at 'RUN echo failing && exit 3': exit code: 3\n  failing", error.Message, publish.Describe());
    }

    /// <summary>
    /// Issue #16 item 6: at the default verbosity (the builder's output is logged at normal importance only) the
    /// COPT0014 of a failed `dotnet restore` or `dotnet publish` step says why: the SDK's or the compiler's error line.
    /// </summary>
    [TestMethod]
    public void A_failed_dotnet_step_names_the_SDK_or_compiler_error_at_the_default_verbosity()
    {
        DockerEngine.Require();
        var scratch = new Scratch("image-sdk-fails");
        var project = scratch.ConsoleApp("app", dockerfile: null);
        // The image builds a project of its own: the app's reference to ContainerOpt.Build would not restore offline.
        scratch.Write("image/app.csproj", Scratch.ProjectXml("Microsoft.NET.Sdk", "net10.0", "Exe"));
        scratch.Write("image/Program.cs", "System.Console.WriteLine(\"hi\")\n"); // no ';': CS1002
        string restoreFails = scratch.Write("image/restore-fails.Dockerfile",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG TFM\nWORKDIR /src\nCOPY app.csproj .\nRUN dotnet restore -p:TargetFramework=$TFM\n");
        string compileFails = scratch.Write("image/compile-fails.Dockerfile",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY app.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app --no-restore\n");

        DotnetResult Publish(string dockerfile) => scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
            "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", "-p:ContainerOptImageName=containeropt-test/sdk-fails",
            "-p:ContainerOptDockerfile=" + dockerfile, "-p:ContainerOptContext=" + scratch.PathOf("image"));

        // The TargetFramework build argument not given: NETSDK1013 (the case of the issue).
        var restore = Publish(restoreFails);
        Assert.AreNotEqual(0, restore.ExitCode, restore.Describe());
        var restoreError = restore.ContainerOptDiagnostics.Single(d => d.IsError);
        Assert.AreEqual(("COPT0014", restoreFails, 5), (restoreError.Code, restoreError.Origin, restoreError.Line), restore.Describe());
        StringAssert.StartsWith(restoreError.Message, "The image build failed at 'RUN dotnet restore -p:TargetFramework=$TFM': exit code: 1\n  /usr/share/dotnet/sdk/", restore.Describe());
        StringAssert.Contains(restoreError.Message,
            "/Microsoft.NET.TargetFrameworkInference.targets(109,5): error NETSDK1013: The TargetFramework value '' was not recognized.", restore.Describe());
        Assert.AreEqual(2, restoreError.Message.Split('\n').Length, "the reason and the one line that explains it: " + restoreError.Message);
        // Only the cause: the builder's output itself stays at -v:n.
        Assert.IsFalse(restore.Stdout.Contains("[internal] load build definition", StringComparison.Ordinal), restore.Describe());
        Assert.IsFalse(restore.Diagnostics.Any(d => d.Code == "NETSDK1013"), "the SDK's line is part of COPT0014, not an error of the outer build:\n" + restore.Describe());

        // A compile error in the publish step: the compiler's line.
        var compile = Publish(compileFails);
        Assert.AreNotEqual(0, compile.ExitCode, compile.Describe());
        var compileError = compile.ContainerOptDiagnostics.Single(d => d.IsError);
        Assert.AreEqual(("COPT0014", compileFails, 6), (compileError.Code, compileError.Origin, compileError.Line), compile.Describe());
        Assert.AreEqual("The image build failed at 'RUN dotnet publish -c Release -o /app --no-restore': exit code: 1\n" +
            "  /src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj]", compileError.Message, compile.Describe());
        StringAssert.Contains(compile.Stdout, $"{compileFails}(6,1,6,51): error COPT0014:   /src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj] [{project}]",
            "MSBuild's console logger repeats the prefix on each line of the message");
    }

    [TestMethod]
    public void A_dead_daemon_and_a_missing_builder_are_coded_errors_not_crashes()
    {
        var scratch = new Scratch("image-no-engine");
        var project = scratch.ConsoleApp("app", "FROM containeropt/bookworm-base:1\nCMD [\"true\"]\n");
        var restore = scratch.Dotnet("restore", project);
        BuildAssert.Succeeded(restore);

        var dead = new Dictionary<string, string?>(RunFixture.Environment)
        {
            ["DOCKER_HOST"] = "unix://" + scratch.PathOf("nobody-listens.sock"),
        };
        // ContainerOptBuilder=docker: with auto, a machine that also has podman would fall back to it.
        var deadResult = DotnetRunner.Run(scratch.Root, new[] { "publish", project, "-nologo", "-tl:off", "--no-restore", "-o", scratch.PathOf("out"), "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuilder=docker" }, dead);
        Assert.AreNotEqual(0, deadResult.ExitCode, deadResult.Describe());
        Assert.AreEqual("COPT0012", deadResult.ContainerOptDiagnostics.Single(d => d.IsError).Code, deadResult.Describe());
        Assert.IsFalse(deadResult.Output.Contains("MSB4018", StringComparison.Ordinal), deadResult.Describe());

        var none = new Dictionary<string, string?>(RunFixture.Environment)
        {
            ["PATH"] = scratch.PathOf("empty-path"),
            ["CONTAINEROPT_DOCKER"] = "",
        };
        var noneResult = DotnetRunner.Run(scratch.Root, new[] { "publish", project, "-nologo", "-tl:off", "--no-restore", "-o", scratch.PathOf("out"), "-p:ContainerOptBuildImage=true" }, none);
        Assert.AreNotEqual(0, noneResult.ExitCode, noneResult.Describe());
        var error = noneResult.ContainerOptDiagnostics.Single(d => d.IsError);
        Assert.AreEqual("COPT0011", error.Code, noneResult.Describe());
        Assert.AreEqual(project, error.Origin);
    }
}
