using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.Images.Sdk;
using ContainerOpt.Images.Tests.Archives;
using ContainerOpt.Images.Tests.Layers;

namespace ContainerOpt.Images.Tests.Sdk;

/// <summary>
/// An image the .NET SDK built (PublishContainer): where the SDK put it, what made each layer (the base image, the app's
/// publish output), and how the report, the table and the gates say it. The real SDK, engine and registry: Build.Tests'
/// SdkContainerTests.
/// </summary>
[TestClass]
public sealed class SdkImageTests
{
    private const string Project = "/repo/src/Api/Api.csproj";
    private const string ProjectText = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ContainerBaseImage>registry.example.com/dotnet/aspnet:10.0</ContainerBaseImage>\n  </PropertyGroup>\n</Project>\n";

    /// <summary>Two base layers (one with 300 bytes a later one overwrites) and the SDK's app layer.</summary>
    private static ImageReport Report() =>
        ImageAnalyzer.Analyze(Synthetic.Image(new[]
        {
            new TestTarWriter().File("etc/os", 1000).File("etc/passwd", 300).Finish(),
            new TestTarWriter().File("etc/passwd", 310).Finish(),
            new TestTarWriter().File("app/Api.dll", 4000).File("app/Api.deps.json", 500).Finish(),
        }, new[] { null, "RUN /bin/sh -c useradd app # buildkit", ".NET SDK Container Tooling, version 10.0.401-servicing.26423.113+e34a38d2ae1fc26406a317517196e55c68ff83ab" }));

    private static SdkImageOrigin Origin(bool withLocation = true)
    {
        var origin = new SdkImageOrigin(Project, "registry.example.com/dotnet/aspnet:10.0") { AppName = "Api", WorkingDirectory = "/app/" };
        if (withLocation)
        {
            origin.BaseImageLocation = SourceText.From(ProjectText, Project);
            origin.BaseImageLine = 4;
        }
        return origin;
    }

    [TestMethod]
    public void The_base_images_layers_come_from_ContainerBaseImage_and_the_last_from_the_app()
    {
        var report = SdkImageAttribution.Attribute(Report(), Origin());
        CollectionAssert.AreEqual(new[]
        {
            "base image registry.example.com/dotnet/aspnet:10.0", "base image registry.example.com/dotnet/aspnet:10.0", "app: publish output of Api in /app/",
        }, report.Layers.Select(l => l.Origin).ToArray());
        CollectionAssert.AreEqual(new[] { Project, Project, Project }, report.Layers.Select(l => l.Dockerfile).ToArray());
        CollectionAssert.AreEqual(new int?[] { 4, 4, null }, report.Layers.Select(l => l.DockerfileLine).ToArray());
        Assert.AreEqual(Project, report.DockerfileSource?.Path);
        Assert.IsTrue(SdkImageAttribution.IsSdkLayer(report.Layers[2]));
        Assert.IsFalse(SdkImageAttribution.IsSdkLayer(report.Layers[1]));
    }

    [TestMethod]
    public void A_base_image_the_SDK_chose_is_said_so_and_has_no_line()
    {
        var origin = Origin(withLocation: false);
        origin.BaseImageInferred = true;
        var report = SdkImageAttribution.Attribute(Report(), origin);
        Assert.AreEqual("base image registry.example.com/dotnet/aspnet:10.0 (the SDK's default)", report.Layers[0].Origin);
        CollectionAssert.AreEqual(new int?[] { null, null, null }, report.Layers.Select(l => l.DockerfileLine).ToArray());
        Assert.IsNull(report.DockerfileSource);
    }

    [TestMethod]
    public void The_table_has_an_origin_column_and_the_json_an_origin_per_layer()
    {
        var report = SdkImageAttribution.Attribute(Report(), Origin());
        Assert.AreEqual(
            "#     SIZE  COMPRESSED  WASTED  ORIGIN                                              CREATED BY\n" +
            "0  1.30 kB           -   300 B  base image registry.example.com/dotnet/aspnet:10.0  -\n" +
            "1    310 B           -       -  base image registry.example.com/dotnet/aspnet:10.0  RUN /bin/sh -c useradd app\n" +
            "2  4.50 kB           -       -  app: publish output of Api in /app/                 .NET SDK Container Tooling, version 10.0.401-servicing.2642…\n" +
            "Image synthetic:1: 6.11 kB in 3 layers (not measured compressed); wasted 300 B (300 bytes: 300 B removed or overwritten later, 0 B left in caches); efficiency 95.1%\n" +
            "Base image: 2 layers (1.61 kB, the .NET SDK's base image); added above it: 4.50 kB, wasting 0 B (user-wasted 0.0%)\n" +
            "Largest wasted files:\n" +
            "  300 B  /etc/passwd  (layer 0, overwritten later)\n",
            ImageReportTable.Format(report));
        var json = Core.Json.JsonReader.Parse(ImageReportJson.ToJson(report));
        var layers = json["layers"]!.Items;
        Assert.AreEqual("base image registry.example.com/dotnet/aspnet:10.0", layers[0]["origin"]!.AsString);
        Assert.AreEqual("app: publish output of Api in /app/", layers[2]["origin"]!.AsString);
        Assert.AreEqual(Project, layers[0]["dockerfile"]!.AsString);
        Assert.AreEqual(4, layers[0]["dockerfileLine"]!.AsInt64);
        // The base image is every layer but the SDK's: what the base wastes by itself is not the app's.
        Assert.AreEqual(2, json["baseLayerCount"]!.AsInt64);
        Assert.AreEqual("containerBaseImage", json["baseLayerSource"]!.AsString);
        Assert.AreEqual(300, json["baseWastedBytes"]!.AsInt64);
        Assert.AreEqual(0, json["userWastedBytes"]!.AsInt64);
        // A Dockerfile's report has no origin key at all.
        StringAssert.DoesNotMatch(ImageReportJson.ToJson(Report()), new System.Text.RegularExpressions.Regex("\"origin\""));
    }

    [TestMethod]
    public void A_gate_the_base_image_breaks_is_at_the_ContainerBaseImage_line_and_the_apps_at_the_project()
    {
        var report = SdkImageAttribution.Attribute(Report(), Origin());
        var size = ImageGates.Evaluate(report, new ImageGateOptions { MaxImageSize = 5000 }).Single();
        Assert.AreEqual("COPT3101", size.Code);
        Assert.AreEqual(Project, size.FilePath);
        // The largest layer is the app's (4.5 kB): the project file, no position.
        Assert.AreEqual(new LinePositionSpan(default, default), size.Location);
        var waste = ImageGates.Evaluate(report, new ImageGateOptions { MaxWastedBytes = 100 }).Single();
        Assert.AreEqual("COPT3102", waste.Code);
        Assert.AreEqual(Project, waste.FilePath);
        // The waste is the base image's: the whole ContainerBaseImage line.
        Assert.AreEqual(new LinePositionSpan(new LinePosition(4, 1), new LinePosition(4, 85)), waste.Location);
    }

    [TestMethod]
    [DataRow("/out/app.tar.gz", "containeropt-tests/sdk/app", "/out/app.tar.gz")]
    [DataRow("/out/image.tar", "web", "/out/image.tar")]
    [DataRow("/out/", "web", "/out/web.tar.gz")]
    [DataRow("/out/images", "web", "/out/images/web.tar.gz")]
    [DataRow("/out/", "containeropt-tests/sdk/app", "/out/containeropt-tests/sdk/app.tar.gz")]
    public void The_archive_is_named_as_the_SDK_names_it(string archiveOutputPath, string repository, string expected) =>
        Assert.AreEqual(expected, PublishedContainer.ArchiveFile(archiveOutputPath, repository));

    [TestMethod]
    public void The_image_is_where_the_SDK_put_it()
    {
        var archive = PublishedContainer.Locate("/out/app.tar", "localhost:5000", "Docker", "app", new[] { "1.2", "latest" });
        Assert.AreEqual(PublishedContainerDestination.Archive, archive.Destination);
        Assert.AreEqual("/out/app.tar", archive.ArchivePath);
        Assert.AreEqual("app:1.2", archive.Reference);

        var pushed = PublishedContainer.Locate("", "localhost:5000/", "Docker", "team/app", Array.Empty<string>());
        Assert.AreEqual(PublishedContainerDestination.Registry, pushed.Destination);
        Assert.AreEqual("localhost:5000/team/app:latest", pushed.Reference);

        var podman = PublishedContainer.Locate(null, " ", "Podman", "app", new[] { "1" });
        Assert.AreEqual(PublishedContainerDestination.LocalEngine, podman.Destination);
        Assert.AreEqual(BuilderPreference.Podman, podman.Engine);
        Assert.AreEqual("app:1", podman.Reference);
        Assert.AreEqual(BuilderPreference.Auto, PublishedContainer.Locate(null, null, null, "app", new[] { "1" }).Engine);
        Assert.AreEqual(BuilderPreference.Docker, PublishedContainer.Locate(null, null, "docker", "app", new[] { "1" }).Engine);
    }

    [TestMethod]
    public void A_pushed_image_is_read_from_its_registry()
    {
        // Nothing listens on port 1: the registry route is taken, and a dead registry is its coded error (COPT0040).
        var pushed = PublishedContainer.Locate(null, "localhost:1", null, "team/app", new[] { "1" });
        var e = Assert.ThrowsExactly<ContainerOpt.Images.Registry.RegistryException>(() =>
            ImageLayers.FromPublishedContainer(pushed, Origin(), TimeSpan.FromSeconds(5), null, new ContainerOpt.Images.Registry.RegistryOptions { Timeout = TimeSpan.FromSeconds(5) }));
        Assert.AreEqual("COPT0040", e.Code);
        StringAssert.Contains(e.Message, "localhost:1");
    }
}
