using System.Text.Json;
using ContainerOpt.TestSupport;
using ContainerOpt.TestSupport.Registry;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// `containeropt layers` with dive's CI file and `--compare`, on images the real engine builds: X (the base and one
/// layer of three files), Y (X and one more file) and Z (X with one file grown and one deleted).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class LayersGatesAndCompareTests
{
    private const string MakeX = "RUN mkdir /app && head -c 4096 /dev/urandom > /app/a.bin && head -c 1000 /dev/urandom > /app/b.bin && head -c 500 /dev/urandom > /app/c.bin";
    private const string MakeY = "RUN head -c 2048 /dev/urandom > /app/extra.bin";
    private const string MakeZ = "RUN rm /app/c.bin && head -c 1500 /dev/urandom > /app/b.bin";

    private static readonly string Id = Guid.NewGuid().ToString("N").Substring(0, 12);
    private static readonly string X = "containeropt-test/gates-x:" + Id;
    private static readonly string Y = "containeropt-test/gates-y:" + Id;
    private static readonly string Z = "containeropt-test/gates-z:" + Id;
    private static string _directory = "";
    private static string _zDockerfile = "";

    [ClassInitialize]
    public static void BuildImages(TestContext _)
    {
        if (DockerEngine.UnavailableReason is not null)
        {
            return;
        }
        _directory = CliRunner.TempFolder("gates-compare");
        Build(X, "FROM containeropt/bookworm-base:1\n" + MakeX + "\n");
        Build(Y, $"FROM {X}\n{MakeY}\n");
        _zDockerfile = Build(Z, $"FROM {X}\n{MakeZ}\n");
    }

    private static string Build(string tag, string dockerfile)
    {
        string context = Path.Combine(_directory, tag.Substring(tag.IndexOf('/') + 1, 7));
        string path = CliRunner.Write(context, "Dockerfile", dockerfile);
        var build = DockerEngine.Run(new[] { "build", "--network=none", "-t", tag, context }, environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
        Assert.AreEqual(0, build.ExitCode, build.Output);
        return path;
    }

    [ClassCleanup]
    public static void RemoveImages()
    {
        if (DockerEngine.UnavailableReason is not null)
        {
            return;
        }
        foreach (string image in new[] { Z, Y, X })
        {
            DockerEngine.RemoveImage(image);
        }
        if (Directory.Exists(_directory))
        {
            Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);
        }
    }

    private static string Folder(string dotDiveCi)
    {
        string folder = CliRunner.TempFolder("work");
        CliRunner.Write(folder, ".dive-ci", dotDiveCi);
        return folder;
    }

    private const string Rest = " Delete in the same RUN that creates the files, or use a cache mount.";

    [TestMethod]
    public void A_dive_ci_file_in_the_working_folder_gates_the_image_as_dive_would()
    {
        DockerEngine.Require();
        string folder = Folder("rules:\n  lowestEfficiency: 0.5\n  highestUserWastedPercent: 0.2\n");
        string file = Path.Combine(folder, ".dive-ci");

        // Z wastes b.bin's first 1000 bytes and the deleted c.bin's 500, all made by X's layer. Without a Dockerfile the base
        // is the first layer (dive's rule): the added layers are 5,596 + 1,500 bytes, 21.1% of them wasted.
        var (code, stdout, stderr) = CliRunner.RunIn(folder, "layers", Z, "--no-compressed-size");
        Assert.AreEqual(1, code, stdout + stderr);
        StringAssert.Contains(stdout, "Base image: 1 layer (118 MB, the first layer, as dive counts it); added above it: 7.10 kB, wasting 1.50 kB (user-wasted 21.1%)\n");
        Assert.AreEqual(
            $"containeropt: gates from {file}: lowestEfficiency 0.5, highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.2\n" +
            $"{Z}(0,0): error COPT3104: The layers above the base image waste 21.1% of the 7.10 kB they add (1.50 kB wasted), above highestUserWastedPercent ({file}) 20.0%; 1.50 kB of it is made on this line.{Rest}\n",
            stderr);

        // With the Dockerfile, the base is what its FROM brought (X): the one added layer wastes all it adds... of X's bytes.
        var attributed = CliRunner.RunIn(folder, "layers", Z, "--no-compressed-size", "--dockerfile", _zDockerfile);
        Assert.AreEqual(1, attributed.ExitCode, attributed.Stdout + attributed.Stderr);
        StringAssert.Contains(attributed.Stdout, "Base image: 2 layers (118 MB, the layers of the Dockerfile's FROM); added above it: 1.50 kB, wasting 1.50 kB (user-wasted 100.0%)\n");
        StringAssert.EndsWith(attributed.Stderr,
            $"{_zDockerfile}(1,1): error COPT3104: The layers above the base image waste 100.0% of the 1.50 kB they add (1.50 kB wasted), above highestUserWastedPercent ({file}) 20.0%; 1.50 kB of it is made on this line.{Rest}\n");

        // A flag keeps priority over the file; Y wastes nothing and passes the file's rules.
        var flagged = CliRunner.RunIn(folder, "layers", Z, "--no-compressed-size", "--max-user-wasted", "25%");
        Assert.AreEqual(0, flagged.ExitCode, flagged.Stdout + flagged.Stderr);
        Assert.AreEqual(0, CliRunner.RunIn(folder, "layers", Y, "--no-compressed-size", "--format", "json").ExitCode);
    }

    [TestMethod]
    public void A_rule_the_file_leaves_out_keeps_dives_default_and_says_so()
    {
        DockerEngine.Require();
        string folder = Folder("rules:\n  highestWastedBytes: 1MB\n");
        string file = Path.Combine(folder, ".dive-ci");
        var (code, _, stderr) = CliRunner.RunIn(folder, "layers", Z, "--no-compressed-size", "--format", "json");
        Assert.AreEqual(1, code, stderr);
        Assert.AreEqual(
            $"containeropt: gates from {file}: lowestEfficiency 0.9 (dive's default), highestWastedBytes 1000000, highestUserWastedPercent 0.1 (dive's default)\n" +
            $"{Z}(0,0): error COPT3104: The layers above the base image waste 21.1% of the 7.10 kB they add (1.50 kB wasted), above highestUserWastedPercent (dive's default: {file} does not set it) 10.0%; 1.50 kB of it is made on this line.{Rest}\n",
            stderr);
    }

    [TestMethod]
    public void Ci_config_names_the_file_and_its_wasted_bytes_rule_fails_the_image()
    {
        DockerEngine.Require();
        string config = CliRunner.TempFile("rules:\n  highestWastedBytes: 1KB\n  highestUserWastedPercent: disabled\n", "dive.yaml");
        var (code, stdout, stderr) = CliRunner.Run("layers", Z, "--no-compressed-size", "--ci-config", config, "--dockerfile", _zDockerfile);
        Assert.AreEqual(1, code, stdout + stderr);
        Assert.AreEqual(
            $"containeropt: gates from {config}: lowestEfficiency 0.9 (dive's default), highestWastedBytes 1000, highestUserWastedPercent disabled\n" +
            $"{_zDockerfile}(1,1): error COPT3102: The image wastes 1.50 kB (1,500 bytes), above highestWastedBytes ({config}) 1.00 kB (1,000 bytes); 1.50 kB of it is made on this line and removed or left unused later.{Rest}\n",
            stderr);
    }

    [TestMethod]
    public void An_invalid_dive_ci_file_is_COPT0019_at_its_line_and_exit_2()
    {
        DockerEngine.Require();
        string folder = Folder("rules:\n  lowestEfficiency: 95%\n");
        var (code, stdout, stderr) = CliRunner.RunIn(folder, "layers", Y);
        Assert.AreEqual(2, code);
        Assert.AreEqual("", stdout);
        string file = Path.Combine(folder, ".dive-ci");
        Assert.AreEqual($"{file}(2,21): error COPT0019: Invalid .dive-ci file '{file}': 'rules.lowestEfficiency' is '95%': dive reads a ratio between 0 and 1 (0.95 for 95%), or disabled.\n", stderr);

        string missing = Path.Combine(folder, "nope.yaml");
        var absent = CliRunner.Run("layers", Y, "--ci-config", missing);
        Assert.AreEqual(2, absent.ExitCode);
        Assert.AreEqual($"{missing}(1,1): error COPT0019: Invalid .dive-ci file '{missing}': the file does not exist. Check the path given to --ci-config (or ContainerOptDiveCiFile).\n", absent.Stderr);
    }

    [TestMethod]
    public void Compare_with_one_more_layer_is_unchanged_layers_and_one_added_file()
    {
        DockerEngine.Require();
        var (code, stdout, stderr) = CliRunner.Run("layers", X, "--compare", Y, "--format", "json", "--no-compressed-size");
        Assert.AreEqual(0, code, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.AreEqual(X, root.GetProperty("before").GetProperty("image").GetString());
        Assert.AreEqual(Y, root.GetProperty("after").GetProperty("image").GetString());
        Assert.AreEqual(2048, root.GetProperty("sizeDelta").GetInt64());
        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "unchanged", "unchanged", "added" }, layers.Select(l => l.GetProperty("change").GetString()).ToArray());
        Assert.AreEqual(JsonValueKind.Null, layers[2].GetProperty("before").ValueKind);
        Assert.AreEqual(2, layers[2].GetProperty("after").GetProperty("index").GetInt32());
        Assert.AreEqual("RUN /bin/sh -c " + MakeY.Substring(4) + " # buildkit", layers[2].GetProperty("after").GetProperty("createdBy").GetString());
        Assert.AreEqual(layers[1].GetProperty("before").GetProperty("diffId").GetString(), layers[1].GetProperty("after").GetProperty("diffId").GetString());
        var files = root.GetProperty("files");
        Assert.AreEqual("{\"count\":1,\"bytes\":2048}", Compact(files.GetProperty("added")));
        foreach (string kind in new[] { "removed", "grown", "shrunk" })
        {
            Assert.AreEqual("{\"count\":0,\"bytes\":0}", Compact(files.GetProperty(kind)), kind);
        }
        Assert.AreEqual(0, files.GetProperty("rewritten").GetProperty("count").GetInt32());
        Assert.IsTrue(files.GetProperty("unchanged").GetProperty("count").GetInt32() > 1000, "the base's files are all unchanged");
        Assert.AreEqual(2048, files.GetProperty("netBytes").GetInt64());
        Assert.AreEqual("[{\"path\":\"app/extra.bin\",\"change\":\"added\",\"sizeBefore\":null,\"sizeAfter\":2048,\"sizeDelta\":2048,\"layerBefore\":null,\"layerAfter\":2}]",
            Compact(files.GetProperty("largestChanges")));
    }

    [TestMethod]
    public void Compare_from_an_archive_to_an_image_shows_the_grown_and_the_deleted_file()
    {
        DockerEngine.Require();
        string archive = Path.Combine(_directory, "x.tar");
        DockerEngine.RunChecked("save", "-o", archive, X);
        var (code, stdout, stderr) = CliRunner.Run("layers", archive, "--compare", Z, "--no-compressed-size", "--dockerfile", _zDockerfile);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("", stderr);
        // Z's Dockerfile names X's layers by its FROM (line 1) and its own by line 2: the lines show on both sides.
        Assert.AreEqual(
            $"A (before): {X}, 118 MB in 2 layers\n" +
            $"B (after):  {Z}, 118 MB in 3 layers\n" +
            "A  B  CHANGE      SIZE A   SIZE B     DELTA  LINE          CREATED BY\n" +
            "0  0  unchanged   118 MB   118 MB         -  Dockerfile:1  -\n" +
            "1  1  unchanged  5.60 kB  5.60 kB         -  Dockerfile:1  RUN /bin/sh -c mkdir /app && head -c 4096 /dev/urandom > /a…\n" +
            "-  2  added            -  1.50 kB  +1.50 kB  Dockerfile:2  RUN /bin/sh -c rm /app/c.bin && head -c 1500 /dev/urandom >…\n" +
            "Layers: 2 unchanged, 0 changed, 1 added, 0 removed; size 118 MB -> 118 MB (+1.50 kB); wasted 0 B -> 1.50 kB (+1.50 kB)\n" +
            "Files: 0 added (0 B), 1 removed (-500 B), 1 grown (+500 B), 0 shrunk (0 B), 0 rewritten at the same size; " + Unchanged(stdout) + " unchanged; net 0 B\n" +
            "Largest file changes:\n" +
            "  -500 B  removed  /app/c.bin\n" +
            "  +500 B  grown    /app/b.bin  (1.00 kB -> 1.50 kB)\n",
            stdout);
    }

    [TestMethod]
    public void Compare_reads_an_oci_folder_and_layers_of_the_same_content_are_unchanged_whatever_the_source()
    {
        DockerEngine.Require();
        string oci = Path.Combine(_directory, "y-oci");
        var copy = ProcessResult.Run("skopeo", new[] { "copy", "--src-daemon-host", Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock",
            "docker-daemon:" + Y, "oci:" + oci + ":y" }, TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, copy.ExitCode, copy.Output);
        var (code, stdout, stderr) = CliRunner.Run("layers", Y, "--compare", oci, "--no-compressed-size", "--format", "json");
        Assert.AreEqual(0, code, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.IsTrue(json.RootElement.GetProperty("layers").EnumerateArray().All(l => l.GetProperty("change").GetString() == "unchanged"), stdout);
        Assert.AreEqual(0, json.RootElement.GetProperty("sizeDelta").GetInt64());
        Assert.AreEqual("[]", Compact(json.RootElement.GetProperty("files").GetProperty("largestChanges")));

        // Y to Z: Y's extra layer is removed, Z's added (another instruction), and their files with them.
        var yz = CliRunner.Run("layers", oci, "--compare", Z, "--no-compressed-size", "--format", "json", "--top", "1");
        Assert.AreEqual(0, yz.ExitCode, yz.Stderr);
        using var yzJson = JsonDocument.Parse(yz.Stdout);
        CollectionAssert.AreEqual(new[] { "unchanged", "unchanged", "removed", "added" },
            yzJson.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("change").GetString()).ToArray());
        var files = yzJson.RootElement.GetProperty("files");
        Assert.AreEqual("{\"count\":2,\"bytes\":2548}", Compact(files.GetProperty("removed")));
        Assert.AreEqual("{\"count\":1,\"bytes\":500}", Compact(files.GetProperty("grown")));
        Assert.AreEqual("[{\"path\":\"app/extra.bin\",\"change\":\"removed\",\"sizeBefore\":2048,\"sizeAfter\":null,\"sizeDelta\":-2048,\"layerBefore\":2,\"layerAfter\":null}]",
            Compact(files.GetProperty("largestChanges")));
    }

    [TestMethod]
    public void Compare_reads_a_registry_image_and_a_pushed_layer_keeps_its_diff_id()
    {
        DockerEngine.Require();
        RegistryTestImages.RequireLocalRegistry();
        // Pushed, Z's layers are gzip blobs with other digests; their diff ids, and so the comparison, are the engine's.
        string pushed = $"{RegistryTestImages.LocalRegistry}/containeropt-tests/gates-compare/z:{Id}";
        DockerEngine.RunChecked("tag", Z, pushed);
        try
        {
            DockerEngine.RunChecked("push", pushed);
            var (code, stdout, stderr) = CliRunner.Run("layers", X, "--compare", pushed, "--no-compressed-size", "--format", "json");
            Assert.AreEqual(0, code, stderr);
            using var json = JsonDocument.Parse(stdout);
            Assert.AreEqual(pushed, json.RootElement.GetProperty("after").GetProperty("image").GetString());
            CollectionAssert.AreEqual(new[] { "unchanged", "unchanged", "added" },
                json.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("change").GetString()).ToArray());
            var files = json.RootElement.GetProperty("files");
            Assert.AreEqual("{\"count\":1,\"bytes\":500}", Compact(files.GetProperty("removed")));
            Assert.AreEqual("{\"count\":1,\"bytes\":500}", Compact(files.GetProperty("grown")));
            Assert.AreEqual(0, files.GetProperty("netBytes").GetInt64());
        }
        finally
        {
            DockerEngine.RemoveImage(pushed);
        }
    }

    [TestMethod]
    [DataRow("containeropt: --compare shows what changed between two images; the gates (--max-size, --max-wasted, --min-efficiency, --max-user-wasted, --ci-config) judge one image: run layers on it without --compare.\n", "--compare", "b", "--max-size", "1GB")]
    [DataRow("containeropt: --compare shows what changed between two images; the gates (--max-size, --max-wasted, --min-efficiency, --max-user-wasted, --ci-config) judge one image: run layers on it without --compare.\n", "--compare", "b", "--ci-config", "x")]
    [DataRow("containeropt: --top counts the file changes of --compare: give --compare OTHER too.\n", "--top", "5")]
    [DataRow("containeropt: --top takes a number of file changes from 0 to 10000 (got '-1').\n", "--compare", "b", "--top", "-1")]
    [DataRow("containeropt: '2x' is not a share of the added bytes: write a fraction between 0 and 1 (0.9) or a percentage (90%).\n", "--max-user-wasted", "2x")]
    public void Misused_options_are_usage_errors(string message, params string[] options)
    {
        var (code, stdout, stderr) = CliRunner.Run(new[] { "layers", "a" }.Concat(options).ToArray());
        Assert.AreEqual(2, code);
        Assert.AreEqual("", stdout);
        Assert.AreEqual(message + "Run 'containeropt layers --help' for usage.\n", stderr);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    /// <summary>The base's file count, which the test does not pin: read back from the line.</summary>
    private static string Unchanged(string stdout)
    {
        string line = stdout.Split('\n').Single(l => l.StartsWith("Files: ", StringComparison.Ordinal));
        int end = line.IndexOf(" unchanged;", StringComparison.Ordinal);
        int start = line.LastIndexOf("; ", end, StringComparison.Ordinal) + 2;
        return line.Substring(start, end - start);
    }
}
