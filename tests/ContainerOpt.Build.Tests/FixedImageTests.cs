using System.Globalization;
using ContainerOpt.Build.Tests.Infrastructure;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Issue 14's proof on the real engine: samples/naive-web, fixed with <c>dotnet build -t:ContainerOptFix</c>, builds offline,
/// runs as the app user and answers HTTP 200; its image is smaller than the single-stage SDK image the version fix alone
/// gives, and a rebuild after a source edit reuses the restore layer (from BuildKit's output) — neither of which held
/// before: the original does not build at all, and with only its versions fixed every source edit restores again.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class FixedImageTests : BuildTestBase
{
    private const string Fixed = Samples.NaiveWebFixed;

    [TestMethod]
    public void Naive_web_fixed_builds_runs_is_smaller_and_keeps_its_restore_layer()
    {
        DockerEngine.Require();
        string root = Path.Combine(RunFixture.ImageSamplesDirectory, "naive-web-fixed");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        SampleCopy.To("naive-web", root);
        // The user's one line: the package, in the sample's Directory.Build.props, from a local feed (nothing is downloaded).
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"<Project>\n  <ItemGroup>\n    {Scratch.PackageReference}\n  </ItemGroup>\n</Project>\n");
        Directory.CreateDirectory(Path.Combine(root, "packages"));
        File.Copy(RunFixture.BuildPackagePath, Path.Combine(root, "packages", Path.GetFileName(RunFixture.BuildPackagePath)));
        File.WriteAllText(Path.Combine(root, "NuGet.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"local\" value=\"packages\" />\n  </packageSources>\n</configuration>\n");
        string project = Path.Combine(root, "src", "Api", "Api.csproj");
        string dockerfile = Path.Combine(root, "src", "Api", "Dockerfile");
        string context = Path.Combine(root, "src", "Api");
        string original = File.ReadAllText(dockerfile);
        string before = Tag("before"), versions = Tag("versions"), tag = Tag("fixed");
        var measurements = new List<string>();
        try
        {
            // Before: the .NET 6 SDK of the original cannot build the net10.0 app (and here is not even there to pull).
            Assert.AreNotEqual(0, Build(dockerfile, context, before, check: false).ExitCode, "the original Dockerfile must not build");

            // The versions alone fixed: a single-stage SDK image that builds and runs, but restores again on every source edit.
            var versionsOnly = Fix(root, project, "-p:ContainerOptFixRules=\"COPT4001;COPT4011\"");
            Assert.AreEqual(0, versionsOnly.ExitCode, versionsOnly.Describe());
            Assert.AreEqual("FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet restore\nRUN dotnet publish -o out\nENTRYPOINT dotnet out/Api.dll\n",
                File.ReadAllText(dockerfile));
            Build(dockerfile, context, versions);
            Edit(root);
            var versionsRebuild = Build(dockerfile, context, versions);
            Assert.IsFalse(ImageSample.StepWasCached(versionsRebuild, "RUN dotnet restore"), "with COPY . . first, a source edit reruns the restore:\n" + versionsRebuild.Output);

            // Everything fixed, from the original.
            File.WriteAllText(dockerfile, original);
            var fix = Fix(root, project);
            Assert.AreEqual(0, fix.ExitCode, fix.Describe());
            Assert.AreEqual(Fixed, File.ReadAllText(dockerfile), fix.Describe());
            var first = Build(dockerfile, context, tag);
            Assert.AreEqual("Hello from the naive-web sample.", GeneratedImageTests.GetWhileRunning(tag, "/"));
            Assert.AreEqual("1654", DockerEngine.RunChecked("image", "inspect", "--format", "{{.Config.User}}", tag).StandardOutput.Trim(), "runs as the app user");

            long fixedSize = ImageSample.ImageSize(tag), versionsSize = ImageSample.ImageSize(versions);
            double ratio = (double)fixedSize / versionsSize;
            measurements.Add($"naive-web fixed image: {fixedSize:N0} B; with only its versions fixed (single-stage SDK): {versionsSize:N0} B; ratio {ratio.ToString("F3", CultureInfo.InvariantCulture)}");
            Assert.IsTrue(ratio < 0.45, $"the fixed image ({fixedSize:N0} B) is not well under the single-stage SDK image ({versionsSize:N0} B)");

            Edit(root);
            var warm = Build(dockerfile, context, tag);
            measurements.Add($"naive-web fixed: first build {first.Elapsed.TotalSeconds:F1} s (layers of an earlier run may be cached), rebuild after a source edit {warm.Elapsed.TotalSeconds:F1} s");
            Assert.IsTrue(ImageSample.StepWasCached(warm, "RUN dotnet restore"), "the restore layer must be reused:\n" + warm.Output);
            Assert.IsFalse(ImageSample.StepWasCached(warm, "RUN dotnet publish"), "the edited source must be compiled again:\n" + warm.Output);
            Assert.AreEqual("Hello from the naive-web sample.", GeneratedImageTests.GetWhileRunning(tag, "/"));
        }
        finally
        {
            foreach (var image in new[] { before, versions, tag })
            {
                DockerEngine.RemoveImage(image);
            }
            foreach (var line in measurements)
            {
                Console.WriteLine(line);
            }
        }
    }

    private static string Tag(string suffix) => $"containeropt-test/naive-web:{suffix}-{RunFixture.RunId.ToLowerInvariant()}";

    private static DotnetResult Fix(string root, string project, params string[] extra) =>
        DotnetRunner.Run(root, new[] { "build", project, "-t:ContainerOptFix", "-nologo", "-tl:off" }.Concat(extra).ToArray(), RunFixture.Environment, TimeSpan.FromMinutes(5));

    /// <summary>A source edit, as a developer makes between two image builds.</summary>
    private static void Edit(string root) =>
        File.AppendAllText(Path.Combine(root, "src", "Api", "Program.cs"), $"// edited {Guid.NewGuid():N}\n");

    /// <summary>BuildKit, offline, plain progress (its CACHED lines are what the cache proof reads).</summary>
    private static ProcessResult Build(string dockerfile, string context, string tag, bool check = true)
    {
        var args = new List<string> { "build", "--progress=plain", "--network=none", "-f", dockerfile, "-t", tag, context };
        var result = DockerEngine.Run(args, TimeSpan.FromMinutes(10), context, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
        if (check)
        {
            Assert.AreEqual(0, result.ExitCode, $"docker {string.Join(" ", args)}\n{result.Output}");
        }
        return result;
    }
}
