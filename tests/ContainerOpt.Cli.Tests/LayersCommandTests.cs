using System.Text.Json;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Cli.Tests;

/// <summary>`containeropt layers` on the real engine: an image reference, a saved archive, gates, bad input.</summary>
[TestClass]
[DoNotParallelize]
public sealed class LayersCommandTests
{
    private const string Dockerfile = """
        FROM containeropt/bookworm-base:1
        RUN head -c 3145728 /dev/urandom > /scratch.bin
        RUN rm /scratch.bin && echo done > /done.txt

        """;

    private static string? _image;
    private static string? _directory;

    [ClassInitialize]
    public static void BuildImage(TestContext _)
    {
        if (DockerEngine.UnavailableReason is not null)
        {
            return;
        }
        _directory = Path.Combine(Path.GetTempPath(), "containeropt-tests", "layers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Dockerfile"), Dockerfile);
        _image = "containeropt-test/cli-layers:" + Guid.NewGuid().ToString("N").Substring(0, 12);
        DockerEngine.Run(new[] { "build", "--network=none", "-t", _image, _directory }, environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
    }

    [ClassCleanup]
    public static void RemoveImage()
    {
        if (_image is not null)
        {
            DockerEngine.RemoveImage(_image);
        }
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [TestMethod]
    public void An_image_reference_is_read_from_the_engine_as_json_matching_docker()
    {
        DockerEngine.Require();
        var (code, stdout, stderr) = CliRunner.Run("layers", _image!, "--format", "json", "--dockerfile", Path.Combine(_directory!, "Dockerfile"));
        Assert.AreEqual(0, code, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        long inspected = long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", _image!).StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(inspected, root.GetProperty("size").GetInt64());
        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        var made = layers.Single(l => l.GetProperty("dockerfileLine").ValueKind == JsonValueKind.Number && l.GetProperty("dockerfileLine").GetInt32() == 2);
        Assert.AreEqual(3_145_728, made.GetProperty("wastedBytes").GetInt64(), "the 3 MiB file line 2 made is deleted on line 3");
        Assert.AreEqual(3_145_728, root.GetProperty("wastedBytes").GetInt64());
        Assert.AreEqual("scratch.bin", made.GetProperty("largestFiles")[0].GetProperty("path").GetString());
        Assert.IsTrue(made.GetProperty("compressedSize").GetInt64() > 3_145_728, "random bytes do not compress: gzip adds its framing");

        // Without the gzip measurement the plain layers of `docker save` have no compressed size.
        var fast = CliRunner.Run("layers", _image!, "--format", "json", "--no-compressed-size");
        Assert.AreEqual(0, fast.ExitCode, fast.Stderr);
        using var fastJson = JsonDocument.Parse(fast.Stdout);
        Assert.IsTrue(fastJson.RootElement.GetProperty("layers").EnumerateArray().All(l => l.GetProperty("compressedSize").ValueKind == JsonValueKind.Null), fast.Stdout);
        Assert.AreEqual(root.GetProperty("size").GetInt64(), fastJson.RootElement.GetProperty("size").GetInt64());
    }

    [TestMethod]
    public void A_saved_archive_is_read_from_disk_and_the_waste_gate_points_at_the_line()
    {
        DockerEngine.Require();
        string archive = Path.Combine(_directory!, "image.tar");
        DockerEngine.RunChecked("save", "-o", archive, _image!);
        string dockerfile = Path.Combine(_directory!, "Dockerfile");
        var (code, stdout, stderr) = CliRunner.Run("layers", archive, "--dockerfile", dockerfile, "--max-wasted", "1MB");
        Assert.AreEqual(1, code, stdout + stderr);
        StringAssert.Matches(stdout, new System.Text.RegularExpressions.Regex(@"SIZE\s+COMPRESSED\s+WASTED\s+LINE"));
        var gate = stderr.Split('\n').Single(l => l.Contains("COPT3102", StringComparison.Ordinal));
        StringAssert.StartsWith(gate, $"{dockerfile}(2,1): error COPT3102: The image wastes 3.15 MB (3,145,728 bytes)");

        var ok = CliRunner.Run("layers", archive, "--max-wasted", "10MB", "--min-efficiency", "90%");
        Assert.AreEqual(0, ok.ExitCode, ok.Stdout + ok.Stderr);

        // The user's cache of compressed sizes: the first read writes it, the second reuses it and reports the same sizes.
        string cacheHome = CliRunner.TempFolder("cache");
        var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cacheHome };
        var first = CliRunner.RunWith(null, environment, "layers", archive, "--format", "json");
        Assert.AreEqual(0, first.ExitCode, first.Stderr);
        string cacheFile = Path.Combine(cacheHome, "containeropt", "compressed-sizes.cache");
        string[] recorded = File.ReadAllLines(cacheFile);
        Assert.IsTrue(recorded.Length >= 3, "a line per plain layer after the header:\n" + string.Join("\n", recorded));
        // A recorded size that no estimate gives shows the second read used the record.
        recorded[1] = string.Join("\t", recorded[1].Split('\t').Take(3).Append("777"));
        File.WriteAllLines(cacheFile, recorded);
        var second = CliRunner.RunWith(null, environment, "layers", archive, "--format", "json");
        Assert.AreEqual(0, second.ExitCode, second.Stderr);
        using var json = JsonDocument.Parse(second.Stdout);
        Assert.AreEqual(1, json.RootElement.GetProperty("layers").EnumerateArray().Count(l => l.GetProperty("compressedSize").GetInt64() == 777), second.Stdout);
    }

    [TestMethod]
    public void Missing_images_bad_archives_and_bad_options_are_coded_errors()
    {
        DockerEngine.Require();
        var missing = CliRunner.Run("layers", "containeropt-test/does-not-exist:never");
        Assert.AreEqual(2, missing.ExitCode);
        StringAssert.Contains(missing.Stderr, "error COPT0015");

        string junk = CliRunner.TempFile("this is not a tar archive", "junk.tar");
        var bad = CliRunner.Run("layers", junk);
        Assert.AreEqual(2, bad.ExitCode);
        StringAssert.Contains(bad.Stderr, $"{junk}: error COPT0015: Cannot read the image '{junk}'");

        Assert.AreEqual(2, CliRunner.Run("layers", junk, "--format", "xml").ExitCode);
        Assert.AreEqual(2, CliRunner.Run("layers", junk, "--max-size", "lots").ExitCode);
        Assert.AreEqual(2, CliRunner.Run("layers").ExitCode);
    }
}
