using System.Globalization;
using ContainerOpt.Build.Tests.Infrastructure;
using ContainerOpt.TestSupport;
using Microsoft.Build.Logging.StructuredLogger;
using StructuredTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// dive's CI file through MSBuild on the real engine: a .dive-ci beside the project gates the published image, its
/// missing rules keep dive's defaults, the gate properties keep priority over it, and each layer item says whether the
/// base image brought it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DiveCiBuildTests : BuildTestBase
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
    public void A_dive_ci_beside_the_project_gates_the_image_and_the_properties_keep_priority()
    {
        DockerEngine.Require();
        var scratch = new Scratch("dive-ci");
        var project = scratch.ConsoleApp("app", WastefulDockerfile);
        string diveCi = scratch.Write("app/.dive-ci", "rules:\n  lowestEfficiency: disabled\n  highestWastedBytes: 10MB\n");
        string dockerfile = scratch.PathOf("app/Dockerfile");
        string image = $"containeropt-test/dive-ci:{RunFixture.RunId.ToLowerInvariant()}";
        string binlog = scratch.PathOf("publish.binlog");
        try
        {
            // The file sets no highestUserWastedPercent: dive's default 0.1 applies. The layers above the base (lines 2-4)
            // add 6 MiB and waste all of it; the most wasteful of them is line 2's.
            var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"), "-bl:" + binlog,
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}");
            Assert.AreNotEqual(0, publish.ExitCode, publish.Describe());
            var error = publish.ContainerOptDiagnostics.Single(d => d.IsError);
            Assert.AreEqual("COPT3104", error.Code, publish.Describe());
            Assert.AreEqual(dockerfile, error.Origin);
            Assert.AreEqual((2, 1), (error.Line, error.Column));
            Assert.AreEqual($"The layers above the base image waste 100.0% of the 6.29 MB they add (6.29 MB wasted), above highestUserWastedPercent (dive's default: {diveCi} does not set it) 10.0%; 5.24 MB of it is made on this line. Delete in the same RUN that creates the files, or use a cache mount.",
                error.Message);

            // The layer items: the first is the base image's (its FROM), the others were added.
            var build = BinaryLog.ReadBuild(binlog);
            var task = build.FindChildrenRecursive<StructuredTask>(t => t.Name == "BuildContainerImage").Single();
            var items = task.FindChildrenRecursive<Folder>(f => f.Name == "OutputItems").Single()
                .Children.OfType<NamedNode>().Single(n => n.Name == "ContainerOptImageLayer").FindChildrenRecursive<Item>();
            CollectionAssert.AreEqual(new[] { "true", "false", "false", "false" },
                items.Select(i => i.FindChildrenRecursive<Metadata>().Single(m => m.Name == "BaseImage").Value).ToArray());

            // A property keeps priority over the file's rule (and dive's default): the same image passes.
            var allowed = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}",
                "-p:ContainerOptMaxUserWastedPercent=100%");
            BuildAssert.Succeeded(allowed);
            Assert.AreEqual(0, allowed.ContainerOptDiagnostics.Count(d => d.IsError), allowed.Describe());

            // The file's own limit fails the image once the property is tighter than the waste... and names the property.
            var wasteful = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}",
                "-p:ContainerOptMaxUserWastedPercent=100%", "-p:ContainerOptMaxWastedBytes=5MB");
            var waste = wasteful.ContainerOptDiagnostics.Single(d => d.IsError);
            Assert.AreEqual("COPT3102", waste.Code, wasteful.Describe());
            StringAssert.Contains(waste.Message, "above ContainerOptMaxWastedBytes 5.00 MB (5,000,000 bytes)");
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }
}
