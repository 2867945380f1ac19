using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.StandIns;

/// <summary>
/// The local stand-ins for mcr.microsoft.com/dotnet/{runtime-deps,runtime,aspnet}:10.0-noble-chiseled(-extra)
/// that build/docker-env.sh makes: distroless like the official images, the same configuration,
/// and real .NET apps run on them (framework-dependent console and web apps, and a self-contained
/// app built offline in the sdk stand-in).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ChiseledStandInTests
{
    private const string Repo = "mcr.microsoft.com/dotnet/";
    private const string Plain = "10.0-noble-chiseled";
    private const string Extra = "10.0-noble-chiseled-extra";
    private const string DefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static string workDirectory = "";
    private static readonly List<string> Images = new();

    private static string ConsoleDirectory => Path.Combine(workDirectory, "console");
    private static string WebDirectory => Path.Combine(workDirectory, "web");

    [ClassInitialize]
    public static void PublishApps(TestContext _)
    {
        workDirectory = Path.Combine(Path.GetTempPath(), "containeropt-standins-" + Guid.NewGuid().ToString("N"));
        ProbeApps.Write(ConsoleDirectory, "ProbeApp", ProbeApps.ConsoleProject, ProbeApps.ConsoleProgram);
        ProbeApps.Write(WebDirectory, "WebProbe", ProbeApps.WebProject, ProbeApps.WebProgram);
    }

    [ClassCleanup]
    public static void RemoveImagesAndFiles()
    {
        foreach (string image in Images) DockerEngine.RemoveImage(image);
        if (Directory.Exists(workDirectory)) Directory.Delete(workDirectory, recursive: true);
    }

    [TestMethod]
    [DataRow("runtime-deps", Plain)]
    [DataRow("runtime-deps", Extra)]
    [DataRow("runtime", Plain)]
    [DataRow("runtime", Extra)]
    [DataRow("aspnet", Plain)]
    [DataRow("aspnet", Extra)]
    public void ImageConfigurationIsTheOfficialOne(string repository, string tag)
    {
        RequireStandIn(repository, tag);
        JsonElement config = JsonDocument.Parse(Inspect(repository, tag, "{{json .Config}}")).RootElement;
        string version = Inspect(repository, tag, VersionLabel);

        var env = new List<string> { DefaultPath, "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080", "DOTNET_RUNNING_IN_CONTAINER=true" };
        if (tag == Plain) env.Add("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true");
        if (repository != "runtime-deps") env.Add("DOTNET_VERSION=" + RuntimeVersion(tag));
        if (repository == "aspnet") env.Add("ASPNET_VERSION=" + version);

        CollectionAssert.AreEqual(env, config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToList());
        Assert.AreEqual("1654", config.GetProperty("User").GetString());
        if (repository == "runtime-deps")
        {
            Assert.AreEqual(JsonValueKind.Null, config.GetProperty("Entrypoint").ValueKind);
            Assert.AreEqual(JsonValueKind.Null, config.GetProperty("Cmd").ValueKind);
        }
        else
        {
            Assert.AreEqual("[\"/usr/bin/dotnet\"]", config.GetProperty("Entrypoint").GetRawText());
            Assert.AreEqual("[\"--info\"]", config.GetProperty("Cmd").GetRawText());
        }
    }

    [TestMethod]
    [DataRow(Plain)]
    [DataRow(Extra)]
    public void RuntimeDepsHoldsOnlyWhatDotNetNeeds(string tag)
    {
        RequireStandIn("runtime-deps", tag);
        Dictionary<string, ExportedFile> files = Export("runtime-deps", tag);
        string lib = "usr/lib/" + (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64" : "x86_64") + "-linux-gnu/";

        // Distroless: no shell, no package manager, no coreutils — nothing at all in the bin folders.
        string[] programs = files.Keys.Where(p => p.StartsWith("usr/bin/", StringComparison.Ordinal) || p.StartsWith("usr/sbin/", StringComparison.Ordinal)).ToArray();
        Assert.AreEqual(0, programs.Length, string.Join(", ", programs));
        Assert.AreEqual("usr/bin", files["bin"].Link);

        Assert.AreEqual("root:x:0:0:root:/root:/bin/bash\napp:x:1654:1654::/home/app:/bin/false\n", files["etc/passwd"].Text);
        Assert.AreEqual("root:x:0:\napp:x:1654:\n", files["etc/group"].Text);
        Assert.AreEqual((TarEntryType.Directory, 1654, 1654), (files["home/app"].Type, files["home/app"].Uid, files["home/app"].Gid));
        Assert.AreEqual(TarEntryType.Directory, files["tmp"].Type);
        Assert.AreEqual(UnixFileMode.StickyBit | (UnixFileMode)0b111_111_111, files["tmp"].Mode);
        Assert.AreEqual("usr/lib64", files["lib64"].Link);
        Assert.AreEqual(TarEntryType.RegularFile, files["usr/lib/os-release"].Type);
        StringAssert.StartsWith(files["etc/ssl/certs/ca-certificates.crt"].Text, "-----BEGIN CERTIFICATE-----");
        foreach (string library in new[] { "libc.so.6", "ld-linux-x86-64.so.2", "libgcc_s.so.1", "libstdc++.so.6", "libssl.so.3", "libcrypto.so.3", "libz.so.1" })
        {
            if (library.StartsWith("ld-", StringComparison.Ordinal) && RuntimeInformation.OSArchitecture != Architecture.X64) continue;
            Assert.IsTrue(files.ContainsKey(lib + library), lib + library);
        }

        bool extra = tag == Extra;
        Assert.AreEqual(extra, files.ContainsKey(lib + "libicuuc.so.72"));
        Assert.AreEqual(extra, files.ContainsKey("usr/share/zoneinfo/Europe/Berlin"));
        var packages = files["var/lib/dpkg/status"].Text.Split('\n')
            .Where(l => l.StartsWith("Package: ", StringComparison.Ordinal)).Select(l => l["Package: ".Length..]).ToList();
        var expected = new List<string> { "base-files", "ca-certificates", "libc6", "libgcc-s1", "libssl3", "libstdc++6", "zlib1g" };
        if (extra) expected.AddRange(new[] { "libicu72", "tzdata" });
        CollectionAssert.AreEqual(expected.OrderBy(p => p, StringComparer.Ordinal).ToList(), packages);
    }

    [TestMethod]
    [DataRow("runtime-deps", Plain)]
    [DataRow("aspnet", Extra)]
    public void ThereIsNoShell(string repository, string tag)
    {
        RequireStandIn(repository, tag);
        ProcessResult result = DockerEngine.Run("run", "--rm", "--network=none", "--entrypoint", "/bin/sh", Repo + repository + ":" + tag, "-c", "true");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.StandardError, "exec: \"/bin/sh\": stat /bin/sh: no such file or directory");
    }

    [TestMethod]
    [DataRow(Plain, "de-DE=CultureNotFoundException", "compare=31", "tz=TimeZoneNotFoundException")]
    [DataRow(Extra, "de-DE=1.234,5", "compare=-1", "tz=01:00:00")]
    public void ConsoleAppRunsAsAppWithTheVariantsGlobalization(string tag, string culture, string compare, string timeZone)
    {
        RequireStandIn("runtime", tag);
        EnsurePublished(ConsoleDirectory);
        string image = Build(ConsoleDirectory, $"""
            FROM {Repo}runtime:{tag}
            WORKDIR /app
            COPY out/ .
            ENTRYPOINT ["dotnet", "ProbeApp.dll"]
            """);

        ProcessResult run = DockerEngine.RunChecked("run", "--rm", "--network=none", image);

        Assert.AreEqual(ExpectedConsoleOutput(culture, compare, timeZone), run.StandardOutput.Replace("\r", ""));
    }

    [TestMethod]
    [DataRow(Plain)]
    [DataRow(Extra)]
    public async Task WebAppAnswersHttp200AsApp(string tag)
    {
        RequireStandIn("aspnet", tag);
        EnsurePublished(WebDirectory);
        string image = Build(WebDirectory, $"""
            FROM {Repo}aspnet:{tag}
            WORKDIR /app
            COPY out/ .
            ENTRYPOINT ["dotnet", "WebProbe.dll"]
            """);
        int port = FreePort();
        string container = DockerEngine.RunChecked("run", "-d", "--network=host", "-e", $"ASPNETCORE_HTTP_PORTS={port}", image).StandardOutput.Trim();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpResponseMessage? response = null;
            for (var deadline = DateTime.UtcNow.AddSeconds(60); response is null && DateTime.UtcNow < deadline;)
            {
                try { response = await http.GetAsync($"http://127.0.0.1:{port}/"); }
                catch (HttpRequestException) { await Task.Delay(200); }
            }
            Assert.IsNotNull(response, "no answer within 60 s; logs:\n" + DockerEngine.Run("logs", container).Output);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.AreEqual("hello from uid 1654", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            DockerEngine.Run("rm", "-f", container);
        }
    }

    [TestMethod]
    public void SelfContainedAppBuildsOfflineInTheSdkAndRunsOnRuntimeDeps()
    {
        RequireStandIn("runtime-deps", Extra);
        // The shape generated Dockerfiles have: a RID-specific restore layer, publish --no-restore,
        // all with --network=none; it needs the runtime packs the sdk stand-in carries in packs/.
        string image = Build(ConsoleDirectory, $"""
            FROM {Repo}sdk:10.0 AS build
            ARG TARGETARCH
            WORKDIR /src
            COPY ProbeApp.csproj .
            RUN dotnet restore -a $TARGETARCH
            COPY Program.cs .
            RUN dotnet publish -c Release -a $TARGETARCH --self-contained --no-restore -o /out

            FROM {Repo}runtime-deps:{Extra}
            WORKDIR /app
            COPY --from=build /out .
            ENTRYPOINT ["./ProbeApp"]
            """, excludeOut: true);

        ProcessResult run = DockerEngine.RunChecked("run", "--rm", "--network=none", image);

        Assert.AreEqual(ExpectedConsoleOutput("de-DE=1.234,5", "compare=-1", "tz=01:00:00"), run.StandardOutput.Replace("\r", ""));
    }

    private static string ExpectedConsoleOutput(string culture, string compare, string timeZone) => string.Join("\n",
        "uid=1654",
        "user=app home=/home/app",
        culture,
        compare,
        timeZone,
        "sha256=BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "rsa=2048",
        "roots>100=True",
        "gunzip=1000",
        "tmp=x") + "\n";

    private static void RequireStandIn(string repository, string tag)
    {
        DockerEngine.Require();
        if (DockerEngine.Run("image", "inspect", "--format", "{{.Id}}", Repo + repository + ":" + tag).ExitCode != 0)
            Assert.Fail($"{Repo}{repository}:{tag} is missing: run eval \"$(bash build/docker-env.sh start)\"");
    }

    private const string VersionLabel = "{{index .Config.Labels \"org.opencontainers.image.version\"}}";

    private static string Inspect(string repository, string tag, string format) =>
        DockerEngine.RunChecked("image", "inspect", "--format", format, Repo + repository + ":" + tag).StandardOutput.Trim();

    private static string RuntimeVersion(string tag) => Inspect("runtime", tag, VersionLabel);

    private static readonly HashSet<string> Published = new();

    private static void EnsurePublished(string directory)
    {
        if (Published.Add(directory)) ProbeApps.Publish(directory);
    }

    /// <summary>Builds DOCKERFILE_TEXT in DIRECTORY with BuildKit and --network=none; returns a unique tag.</summary>
    private static string Build(string directory, string dockerfile, bool excludeOut = false)
    {
        string tag = "containeropt-test/standins-" + Guid.NewGuid().ToString("N")[..12];
        string file = Path.Combine(directory, "Dockerfile." + tag[^12..]);
        File.WriteAllText(file, dockerfile + "\n");
        // The self-contained build compiles in the image: keep host build output out of its context.
        File.WriteAllText(Path.Combine(directory, ".dockerignore"), excludeOut ? "bin/\nobj/\nout/\n" : "bin/\nobj/\n");
        Images.Add(tag);
        ProcessResult result = DockerEngine.Run(
            new[] { "build", "--network=none", "-f", file, "-t", tag, directory },
            TimeSpan.FromMinutes(10),
            environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
        if (result.ExitCode != 0)
            Assert.Fail($"docker build of\n{dockerfile}\nexited {result.ExitCode}:\n{result.Output}");
        return tag;
    }

    /// <summary>The image's file system (docker create + docker export), keyed by path without "./".</summary>
    private static Dictionary<string, ExportedFile> Export(string repository, string tag)
    {
        // The image has no shell and maybe no command: create (never start) it with a dummy one.
        string container = DockerEngine.RunChecked("create", "--network=none", Repo + repository + ":" + tag, "/none").StandardOutput.Trim();
        string archive = Path.Combine(workDirectory, "export-" + container[..12] + ".tar");
        try
        {
            DockerEngine.RunChecked("export", "-o", archive, container);
            var files = new Dictionary<string, ExportedFile>(StringComparer.Ordinal);
            using var stream = File.OpenRead(archive);
            using var reader = new TarReader(stream);
            while (reader.GetNextEntry() is { } entry)
            {
                string name = entry.Name.TrimStart('.', '/').TrimEnd('/');
                string text = "";
                if (entry.EntryType == TarEntryType.RegularFile && entry.Length < 4 * 1024 * 1024 && entry.DataStream is not null)
                {
                    using var content = new StreamReader(entry.DataStream, Encoding.UTF8);
                    text = content.ReadToEnd();
                }
                files[name] = new ExportedFile(entry.EntryType, entry.Mode, entry.Uid, entry.Gid, entry.LinkName, text);
            }
            return files;
        }
        finally
        {
            DockerEngine.Run("rm", "-f", container);
            File.Delete(archive);
        }
    }

    private sealed record ExportedFile(TarEntryType Type, UnixFileMode Mode, int Uid, int Gid, string Link, string Text);

    private static int FreePort() => FreePorts.Next();
}
