using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Tests.Archives;

namespace ContainerOpt.Images.Tests.Layers;

[TestClass]
public sealed class DockerfileAttributionTests
{
    private static int?[] Lines(string dockerfile, string?[] createdBy, string? target = null)
    {
        var tars = createdBy.Select((_, i) => new TestTarWriter().File("f" + i, i + 1).Finish()).ToArray();
        var report = ImageAnalyzer.Analyze(Synthetic.Image(tars, createdBy));
        var model = DockerfileModel.Build(DockerfileParser.Parse(dockerfile, "src/Dockerfile"));
        var attributed = DockerfileAttribution.Attribute(report, model, "src/Dockerfile", target);
        Assert.IsTrue(attributed.Layers.All(l => l.Dockerfile == "src/Dockerfile"));
        Assert.AreSame(model.Syntax.Source, attributed.DockerfileSource);
        return attributed.Layers.Select(l => l.DockerfileLine).ToArray();
    }

    private const string Dockerfile =
        "FROM base:1 AS build\n" +          // 1
        "WORKDIR /src\n" +                  // 2
        "COPY app.csproj ./\n" +            // 3
        "RUN dotnet restore \\\n" +         // 4
        "    --locked-mode\n" +             // 5
        "ENV X=1\n" +                       // 6
        "COPY . .\n" +                      // 7
        "RUN [\"dotnet\", \"publish\", \"-o\", \"/out\"]\n" + // 8
        "\n" +
        "FROM runtime:1\n" +                // 10
        "WORKDIR /app\n" +                  // 11
        "COPY --from=build /out /app/\n" +  // 12
        "RUN apt-get update && apt-get install -y curl\n"; // 13

    [TestMethod]
    public void BuildKitHistoryMapsToTheFinalStageAndBaseLayersToFrom()
    {
        var lines = Lines(Dockerfile, new[]
        {
            null,                                   // imported base layer
            "RUN /bin/sh -c apt-get install -y libicu # buildkit", // the base image's own step
            "WORKDIR /app",
            "COPY /out /app/ # buildkit",
            "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit",
        });
        CollectionAssert.AreEqual(new int?[] { 10, 10, 11, 12, 13 }, lines);
    }

    [TestMethod]
    public void LegacyBuilderHistoryMapsToo()
    {
        var lines = Lines(Dockerfile, new[]
        {
            null,
            "/bin/sh -c #(nop) WORKDIR /app",
            "/bin/sh -c #(nop) COPY dir:4a5b6c in /app/ ",
            "/bin/sh -c apt-get update && apt-get install -y curl",
        });
        CollectionAssert.AreEqual(new int?[] { 10, 11, 12, 13 }, lines);
    }

    [TestMethod]
    public void AWorkdirThatMadeNoLayerIsSkipped()
    {
        var lines = Lines(Dockerfile, new[]
        {
            null,
            "COPY /out /app/ # buildkit",
            "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit",
        });
        CollectionAssert.AreEqual(new int?[] { 10, 12, 13 }, lines);
    }

    [TestMethod]
    public void TargetStageAndFromStageChainsCountTheEarlierStagesSteps()
    {
        // The build stage as target: continuation lines joined, exec-form RUN, relative COPY destinations.
        var lines = Lines(Dockerfile, new[]
        {
            null,
            "WORKDIR /src",
            "COPY app.csproj ./ # buildkit",
            "RUN /bin/sh -c dotnet restore     --locked-mode # buildkit",
            "COPY . . # buildkit",
            "RUN dotnet publish -o /out # buildkit",
        }, target: "build");
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3, 4, 7, 8 }, lines);

        const string chained = "FROM base:1 AS deps\nRUN make deps\nFROM deps\nRUN make app\n";
        CollectionAssert.AreEqual(new int?[] { 1, 2, 4 }, Lines(chained, new[]
        {
            "ADD file:abc in / ",
            "RUN |1 V=2 /bin/sh -c make deps # buildkit",
            "RUN /bin/sh -c make app # buildkit",
        }));
    }

    [TestMethod]
    public void HistoryThatDoesNotMatchLeavesLinesUnknownNeverWrong()
    {
        var lines = Lines(Dockerfile, new[]
        {
            null,
            "RUN /bin/sh -c something else entirely # buildkit",
            "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit",
        });
        CollectionAssert.AreEqual(new int?[] { null, null, 13 }, lines);

        // FROM scratch has no base layers: a surplus layer stays unknown.
        CollectionAssert.AreEqual(new int?[] { null, 2 }, Lines("FROM scratch\nCOPY app /app\n", new[] { "COPY x /x # buildkit", "COPY app /app # buildkit" }));
    }
}
