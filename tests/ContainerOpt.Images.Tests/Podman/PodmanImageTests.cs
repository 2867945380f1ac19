using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Core.Json;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Images.Tests.Podman;

/// <summary>
/// An image with known waste built by podman, read back from `podman save` (docker-archive streamed through
/// ImageBuilder.Save, and oci-archive to a file) and compared with podman's own numbers.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class PodmanImageTests
{
    private const string Dockerfile =
        "FROM containeropt/bookworm-base:1\n" +
        "RUN head -c 5242880 /dev/urandom > /big.bin\n" +
        "ENV MARK=1\n" +
        "RUN mkdir -p /var/cache/apt && head -c 8192 /dev/urandom > /var/cache/apt/containeropt-test.bin\n" +
        "RUN rm /big.bin\n";

    [TestMethod]
    public void SavedArchives_HaveExactWasteAndPodmansLayerSizes()
    {
        PodmanEngine.Require();
        string tag = "containeropt-test/podman-image-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ":1";
        string context = Builders.BuilderTestFiles.NewFolder("podman-image");
        string dockerfilePath = Path.Combine(context, "Dockerfile");
        File.WriteAllText(dockerfilePath, Dockerfile);
        try
        {
            BuilderInfo builder = PodmanBuilderTests.Detect();
            ImageBuildResult built = ImageBuilder.Build(new ImageBuildRequest(context, dockerfilePath) { Network = "none", Tags = new[] { tag } }, builder, null);
            Assert.IsTrue(built.Succeeded, built.Failure?.Finding.ToString());

            ImageContent streamed = ImageBuilder.Save(builder, tag, stream => ImageReader.Read(stream, "podman save " + tag), TimeSpan.FromMinutes(2));
            string ociPath = Path.Combine(context, "image.oci.tar");
            PodmanEngine.RunChecked("save", "--format", "oci-archive", "-o", ociPath, tag);
            ImageContent oci = ImageReader.Read(ociPath);
            CollectionAssert.AreEqual(streamed.Layers.Select(l => l.DiffId).ToArray(), oci.Layers.Select(l => l.DiffId).ToArray());
            CollectionAssert.AreEqual(streamed.Layers.Select(l => l.Size).ToArray(), oci.Layers.Select(l => l.Size).ToArray());

            var model = DockerfileModel.Build(DockerfileParser.Parse(Dockerfile, dockerfilePath));
            foreach (ImageContent image in new[] { streamed, oci })
            {
                ImageReport report = DockerfileAttribution.Attribute(ImageAnalyzer.Analyze(image), model, dockerfilePath);
                Assert.AreEqual(4, report.Layers.Count, ImageReportTable.Format(report));
                CollectionAssert.AreEqual(new int?[] { 1, 2, 4, 5 }, report.Layers.Select(l => l.DockerfileLine).ToArray(), ImageReportTable.Format(report));
                Assert.AreEqual(5242880, report.Layers[1].Size);
                Assert.AreEqual(5242880, report.Layers[1].RemovedBytes);
                Assert.AreEqual(8192, report.Layers[2].LeftoverCacheBytes);
                Assert.AreEqual(0, report.Layers[3].Size);
                Assert.AreEqual(new WastedFile("big.bin", 5242880, 1, WasteKind.Removed), report.LargestWastedFiles[0]);
                Assert.AreEqual(5242880 + 8192, report.WastedBytes);
            }

            // podman's layer sizes are the uncompressed layer tars: the same as the tars read here, layer by layer.
            var historySizes = JsonReader.Parse(PodmanEngine.RunChecked("history", "--format", "json", tag).StandardOutput).Items
                .Select(e => e["size"]!.AsInt64!.Value).Reverse().ToList();
            var madeLayer = historySizes.Where((_, i) => !streamed.Config.History[i].EmptyLayer).ToArray();
            CollectionAssert.AreEqual(madeLayer, streamed.Layers.Select(l => l.TarSize).ToArray());
        }
        finally
        {
            PodmanEngine.RemoveImage(tag);
            Builders.BuilderTestFiles.DeleteFolder(context);
        }
    }
}
