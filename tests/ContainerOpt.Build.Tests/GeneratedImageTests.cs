using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using ContainerOpt.Build.Tests.Infrastructure;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Issue #5's proofs on the real engine: for each sample, `dotnet build -t:ContainerOptGenerate`
/// writes the Dockerfile and .dockerignore, the image builds offline (--network=none), runs, and
/// its final image holds no SDK; the web API sample also proves the cache (an edited source file
/// reuses the restore layer) and the size (against a naive single-stage SDK image and the floor).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class GeneratedImageTests : BuildTestBase
{
    private static readonly Dictionary<string, string> Measurements = new();

    [TestMethod]
    public void Web_api_answers_http_200_as_the_app_user_without_an_sdk()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("web-api");
        sample.VendorPackages("src/Api/Api.csproj");
        sample.Generate("src/Api/Api.csproj");
        Assert.AreEqual(ExpectedWebApiDockerfile, File.ReadAllText(sample.PathOf("src/Api/Dockerfile")));
        Assert.IsTrue(File.Exists(sample.PathOf(".dockerignore")), "the .dockerignore is written at the context root");

        string tag = sample.Tag();
        try
        {
            // Cold: no build cache at all (the base images stay), as on a fresh CI machine with the images pulled.
            DockerEngine.RunChecked("builder", "prune", "--all", "--force");
            var cold = sample.BuildImage("src/Api/Dockerfile", tag);
            Measurements["web-api cold build"] = Seconds(cold.Elapsed);
            AssertNoSdk(tag, "Api.dll");
            string body = GetWhileRunning(tag, "/health");
            Assert.AreEqual("{\"status\":\"healthy\",\"user\":\"app\"}", body);

            // Cache proof: edit one source file; the restore layer comes from the cache, the publish step reruns.
            File.AppendAllText(sample.PathOf("src/Api/Program.cs"), "// edited by the cache test\n");
            var warm = sample.BuildImage("src/Api/Dockerfile", tag);
            Measurements["web-api rebuild after a source edit"] = Seconds(warm.Elapsed);
            Assert.IsTrue(ImageSample.StepWasCached(warm, "RUN dotnet restore"), "the restore layer must be reused:\n" + warm.Output);
            Assert.IsFalse(ImageSample.StepWasCached(warm, "RUN dotnet publish"), "the edited source must be compiled again:\n" + warm.Output);
            // Both times are recorded, not compared: on this shared 2-core machine a busy moment made the rebuild slower than
            // the cold build once although the restore came from the cache; the two assertions above are the proof.

            // Size proof: against a naive single-stage SDK image of the same app, and against the floor.
            File.WriteAllText(sample.PathOf("Dockerfile.naive"), """
                FROM mcr.microsoft.com/dotnet/sdk:10.0
                WORKDIR /src
                COPY . .
                RUN dotnet publish src/Api/Api.csproj -c Release -o /app
                WORKDIR /app
                ENTRYPOINT ["dotnet", "Api.dll"]

                """.Replace("\r\n", "\n"));
            string naiveTag = sample.Tag("naive");
            try
            {
                sample.BuildImage("Dockerfile.naive", naiveTag);
                long generated = ImageSample.ImageSize(tag);
                long naive = ImageSample.ImageSize(naiveTag);
                long baseImage = ImageSample.ImageSize(sample.FinalBaseImage("src/Api/Dockerfile"));
                long publishOutput = PublishOutputBytes(sample, "src/Api/Api.csproj");
                long floor = baseImage + publishOutput;
                double ratio = (double)generated / naive;
                Measurements["web-api generated image"] = Bytes(generated);
                Measurements["web-api naive single-stage SDK image"] = Bytes(naive);
                Measurements["web-api generated/naive"] = ratio.ToString("F3", CultureInfo.InvariantCulture);
                Measurements["web-api floor (base + publish output)"] = $"{Bytes(floor)} = {Bytes(baseImage)} + {Bytes(publishOutput)}";
                Measurements["web-api generated/floor"] = ((double)generated / floor).ToString("F4", CultureInfo.InvariantCulture);
                Assert.IsTrue(ratio < 0.45, $"generated {generated:N0} B is not well under the naive {naive:N0} B (ratio {ratio:F3})");
                Assert.IsTrue(generated <= floor * 1.05, $"generated {generated:N0} B is more than 5% above the floor {floor:N0} B (base {baseImage:N0} + publish output {publishOutput:N0})");
                Assert.IsTrue(generated >= floor * 0.95, $"generated {generated:N0} B is implausibly below the floor {floor:N0} B");
            }
            finally
            {
                DockerEngine.RemoveImage(naiveTag);
            }
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
            WriteMeasurements();
        }
    }

    [TestMethod]
    public void Worker_runs_its_background_service_on_the_runtime_image()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("worker");
        sample.VendorPackages("src/Worker/Worker.csproj");
        sample.Generate("src/Worker/Worker.csproj");
        string dockerfile = File.ReadAllText(sample.PathOf("src/Worker/Dockerfile"));
        StringAssert.Contains(dockerfile, "COPY [\"packages/\", \"packages/\"]\n");
        StringAssert.Contains(dockerfile, "FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra AS final\n");
        StringAssert.Contains(dockerfile, "ENTRYPOINT [\"dotnet\", \"Worker.dll\"]\n");
        Assert.IsFalse(dockerfile.Contains("EXPOSE", StringComparison.Ordinal), "a worker listens on no port");
        string tag = sample.Tag();
        try
        {
            sample.BuildImage("src/Worker/Dockerfile", tag);
            AssertNoSdk(tag, "Worker.dll");
            string container = DockerEngine.RunChecked("run", "-d", "--network=none", tag).StandardOutput.Trim();
            try
            {
                string logs = WaitForLogs(container, "worker heartbeat 2", TimeSpan.FromSeconds(30));
                StringAssert.Contains(logs, "worker heartbeat 1");
            }
            finally
            {
                DockerEngine.Run("rm", "-f", container);
            }
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
        }
    }

    [TestMethod]
    public void Console_prints_its_output_as_the_app_user()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("console");
        sample.VendorPackages("src/Hello/Hello.csproj");
        sample.Generate("src/Hello/Hello.csproj");
        string tag = sample.Tag();
        try
        {
            sample.BuildImage("src/Hello/Dockerfile", tag);
            AssertNoSdk(tag, "Hello.dll");
            var run = DockerEngine.RunChecked("run", "--rm", "--network=none", tag);
            Assert.AreEqual("Hello from the ContainerOpt console sample on .NET 10.0.12 as uid 1654", run.StandardOutput.Trim().Replace(RuntimeVersionOf(run.StandardOutput), "10.0.12", StringComparison.Ordinal));
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
        }
    }

    [TestMethod]
    public void Web_app_with_two_project_references_and_central_package_management()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("web-refs-cpm");
        sample.VendorPackages("src/Web/Web.csproj");
        sample.Generate("src/Web/Web.csproj");
        string dockerfile = File.ReadAllText(sample.PathOf("src/Web/Dockerfile"));
        // Exactly the restore inputs: the props files at the root, the feed, and the three project files.
        StringAssert.Contains(dockerfile, """
            WORKDIR /src
            COPY ["Directory.Build.props", "Directory.Packages.props", "NuGet.config", "./"]
            COPY ["src/Data/Data.csproj", "src/Data/"]
            COPY ["src/Domain/Domain.csproj", "src/Domain/"]
            COPY ["src/Web/Web.csproj", "src/Web/"]
            COPY ["packages/", "packages/"]
            RUN dotnet restore "src/Web/Web.csproj" -a $TARGETARCH
            COPY . .

            """.Replace("\r\n", "\n"));
        string tag = sample.Tag();
        try
        {
            sample.BuildImage("src/Web/Dockerfile", tag);
            AssertNoSdk(tag, "Web.dll", "Domain.dll", "Data.dll", "Humanizer.dll");
            Assert.AreEqual("three orders", GetWhileRunning(tag, "/"));
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
        }
    }

    [TestMethod]
    public void Self_contained_console_runs_its_apphost_on_runtime_deps()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("console-self-contained");
        sample.VendorPackages("src/Tool/Tool.csproj", runtimeIdentifier: "linux-x64");
        sample.Generate("src/Tool/Tool.csproj");
        string dockerfile = File.ReadAllText(sample.PathOf("src/Tool/Dockerfile"));
        StringAssert.Contains(dockerfile, "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS final\n");
        StringAssert.Contains(dockerfile, "ENTRYPOINT [\"./Tool\"]\n");
        string tag = sample.Tag();
        try
        {
            sample.BuildImage("src/Tool/Dockerfile", tag);
            var paths = AssertNoSdk(tag, "Tool");
            Assert.IsTrue(paths.Any(p => p == "app/libcoreclr.so"), "a self-contained app brings its own runtime");
            var run = DockerEngine.RunChecked("run", "--rm", "--network=none", tag);
            StringAssert.StartsWith(run.StandardOutput.Trim(), "Hello from a self-contained ContainerOpt sample: .NET 10.0.");
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
        }
    }

    [TestMethod]
    public void Native_aot_console_gets_an_apphost_on_runtime_deps()
    {
        DockerEngine.Require();
        var sample = ImageSample.Copy("console-aot");
        // Native AOT needs Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64 and the ILCompiler packages in the
        // image's restore (vendored from a host restore) and clang in the SDK's -aot image. Should the package
        // mirror lack the NativeAOT runtime pack, the host restore says so (NU1101): then only the generated
        // Dockerfile is checked and the test is inconclusive with that reason.
        var restore = sample.Dotnet("restore", "src/Aot/Aot.csproj", "-r", "linux-x64", "--source", "https://api.nuget.org/v3/index.json", "--source", sample.PathOf("packages"));
        bool aotRestores = restore.ExitCode == 0;
        if (aotRestores)
        {
            sample.VendorPackages("src/Aot/Aot.csproj", runtimeIdentifier: "linux-x64");
        }
        else
        {
            StringAssert.Contains(restore.Output, "Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64", restore.Describe());
            // Generation restores without a runtime identifier: the compiler package alone, vendored from the host.
            sample.VendorPackages("src/Aot/Aot.csproj");
        }
        sample.Generate("src/Aot/Aot.csproj");
        string dockerfile = File.ReadAllText(sample.PathOf("src/Aot/Dockerfile"));
        StringAssert.Contains(dockerfile, "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build\n");
        StringAssert.Contains(dockerfile, "RUN dotnet publish \"src/Aot/Aot.csproj\" --no-restore -c Release -a $TARGETARCH -o /app\n");
        StringAssert.Contains(dockerfile, "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS final\n");
        StringAssert.Contains(dockerfile, "ENTRYPOINT [\"./Aot\"]\n");
        if (!aotRestores)
        {
            Assert.Inconclusive("Blocked here: the NuGet mirror has no Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64, so a Native AOT app cannot be restored or built (the generated Dockerfile was checked).");
        }
        string tag = sample.Tag();
        try
        {
            sample.BuildImage("src/Aot/Dockerfile", tag);
            var paths = AssertNoSdk(tag, "Aot");
            Assert.IsFalse(paths.Any(p => p.EndsWith("libcoreclr.so", StringComparison.Ordinal)), "a Native AOT app has no CoreCLR");
            var run = DockerEngine.RunChecked("run", "--rm", "--network=none", tag);
            StringAssert.StartsWith(run.StandardOutput.Trim(), "Hello from a Native AOT ContainerOpt sample: .NET 10.0.");
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
        }
    }

    /// <summary>The image has the app's files under /app and nothing of the SDK anywhere.</summary>
    private static IReadOnlyList<string> AssertNoSdk(string image, params string[] appFiles)
    {
        var paths = ImageSample.FileSystemPaths(image);
        foreach (var file in appFiles)
        {
            Assert.IsTrue(paths.Contains("app/" + file), $"app/{file} missing from {image}");
        }
        var sdk = paths.Where(p => p.StartsWith("usr/share/dotnet/sdk", StringComparison.Ordinal)
            || p.StartsWith("usr/share/dotnet/packs", StringComparison.Ordinal)
            || p.EndsWith("/dotnet.dll", StringComparison.Ordinal)
            || p.Contains("Microsoft.Build.dll", StringComparison.Ordinal)).Take(5).ToList();
        Assert.AreEqual(0, sdk.Count, $"{image} holds SDK files: {string.Join(", ", sdk)}");
        return paths;
    }

    /// <summary>Starts the web image on a free host port, GETs <paramref name="path"/> once it answers, stops it.</summary>
    internal static string GetWhileRunning(string image, string path)
    {
        int port = FreePort();
        string container = DockerEngine.RunChecked("run", "-d", "--network=host", "-e", $"ASPNETCORE_HTTP_PORTS={port}", image).StandardOutput.Trim();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var response = http.GetAsync($"http://127.0.0.1:{port}{path}").GetAwaiter().GetResult();
                    Assert.AreEqual(200, (int)response.StatusCode);
                    return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                }
                catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
                {
                    Thread.Sleep(250);
                }
                catch (HttpRequestException e)
                {
                    Assert.Fail($"{image} did not answer on port {port}: {e.Message}\n{DockerEngine.Run("logs", container).Output}");
                }
            }
        }
        finally
        {
            DockerEngine.Run("rm", "-f", container);
        }
    }

    private static string WaitForLogs(string container, string expected, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        string logs = "";
        while (watch.Elapsed < timeout)
        {
            logs = DockerEngine.Run("logs", container).Output;
            if (logs.Contains(expected, StringComparison.Ordinal))
            {
                return logs;
            }
            Thread.Sleep(250);
        }
        Assert.Fail($"'{expected}' did not appear within {timeout}:\n{logs}");
        return logs;
    }

    private static int FreePort() => FreePorts.Next();

    /// <summary>The bytes of <c>dotnet publish -c Release -a x64</c> of the project, on the host: the app's share of the floor.</summary>
    private static long PublishOutputBytes(ImageSample sample, string project)
    {
        string output = sample.PathOf("publish-floor");
        var publish = sample.Dotnet("publish", project, "-c", "Release", "-a", "x64", "-o", output, "-nologo", "-tl:off");
        Assert.AreEqual(0, publish.ExitCode, publish.Describe());
        return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    }

    private static string RuntimeVersionOf(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"\.NET (\d+\.\d+\.\d+)");
        return match.Success ? match.Groups[1].Value : "10.0.12";
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    private static string Bytes(long b) => (b / 1_000_000.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The numbers the README quotes, from the last run: artifacts/measurements/generated-images.txt.</summary>
    private static void WriteMeasurements()
    {
        string dir = Path.Combine(RunFixture.RepoRoot, "artifacts", "measurements");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, "generated-images.txt"), Measurements.Select(m => $"{m.Key}: {m.Value}"));
    }

    private const string ExpectedWebApiDockerfile = """
        # Generated by ContainerOpt for src/Api/Api.csproj.
        # Build from the folder that holds every restore input: docker build -f src/Api/Dockerfile .
        # Regenerate: dotnet build -t:ContainerOptGenerate -p:ContainerOptForce=true

        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        ARG TARGETARCH
        WORKDIR /src
        COPY ["Directory.Build.props", "NuGet.config", "./"]
        COPY ["src/Api/Api.csproj", "src/Api/"]
        COPY ["packages/", "packages/"]
        RUN dotnet restore "src/Api/Api.csproj" -a $TARGETARCH
        COPY . .
        RUN dotnet publish "src/Api/Api.csproj" --no-restore -c Release -a $TARGETARCH -o /app

        FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final
        WORKDIR /app
        EXPOSE 8080
        USER $APP_UID
        COPY --from=build /app .
        ENTRYPOINT ["dotnet", "Api.dll"]

        """;
}
