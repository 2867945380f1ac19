using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Comparison;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Tests.Archives;
using ContainerOpt.Images.Tests.Layers;

namespace ContainerOpt.Images.Tests.Comparison;

/// <summary>Two images compared by layer (diff ids, then created_by) and by file (the final file systems walked together).</summary>
[TestClass]
public sealed class ImageComparerTests
{
    private const string Copy = "COPY app /app # buildkit";
    private const string Run = "RUN /bin/sh -c rm /usr/bin/tool && make-data # buildkit";

    private static byte[] Base() => new TestTarWriter().File("etc/os", 1000).File("usr/lib/keep", 50).File("usr/bin/tool", 300).Finish();

    /// <summary>A: the base and an app layer.</summary>
    private static ImageReport Before() => ImageAnalyzer.Analyze(Synthetic.Image(new[]
    {
        Base(),
        new TestTarWriter().File("app/app.dll", 5000).File("app/config.json", 100).File("app/old.txt", 70).File("app/same.txt", 20).Finish(),
    }, new[] { null, Copy }));

    /// <summary>B: the same base, the app layer rebuilt (one file grown, one shrunk, one rewritten, one gone, one new), a layer that deletes a base file and adds data.</summary>
    private static ImageReport After() => ImageAnalyzer.Analyze(Synthetic.Image(new[]
    {
        Base(),
        new TestTarWriter().File("app/app.dll", 6000).File("app/config.json", 80).File("app/new.txt", 30).File("app/same.txt", 20, (byte)'y').Finish(),
        new TestTarWriter().File("usr/bin/.wh.tool", "").File("data/blob", 4000).Finish(),
    }, new[] { null, Copy, Run }));

    [TestMethod]
    public void Layers_are_unchanged_by_diff_id_changed_by_instruction_else_added_or_removed()
    {
        ImageComparison comparison = ImageComparer.Compare(Before(), After());
        CollectionAssert.AreEqual(new[] { "Unchanged 0->0 0", "Changed 1->1 +940", "Added ->2 +4000" }, comparison.Layers.Select(l => l.ToString()).ToArray());
        Assert.AreEqual(4940, comparison.SizeDelta);
        Assert.AreEqual(300, comparison.WastedBytesDelta);

        // Other instructions between unchanged layers are a removed and an added layer, the removed first.
        var other = ImageAnalyzer.Analyze(Synthetic.Image(new[] { Base(), new TestTarWriter().File("x", 9).Finish() }, new[] { null, "RUN /bin/sh -c other # buildkit" }));
        CollectionAssert.AreEqual(new[] { "Unchanged 0->0 0", "Removed 1-> -5190", "Added ->1 +9" }, ImageComparer.Compare(Before(), other).Layers.Select(l => l.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { "Unchanged 0->0 0", "Removed 1-> -5190" },
            ImageComparer.Compare(Before(), ImageAnalyzer.Analyze(Synthetic.Image(new[] { Base() }, new string?[] { null }))).Layers.Select(l => l.ToString()).ToArray());
    }

    [TestMethod]
    public void Files_are_added_removed_grown_shrunk_or_rewritten_with_exact_bytes()
    {
        ImageComparison comparison = ImageComparer.Compare(Before(), After());
        FileChangeTotals files = comparison.Files;
        Assert.AreEqual((2, 4030L), (files.Added, files.AddedBytes));
        Assert.AreEqual((2, 370L), (files.Removed, files.RemovedBytes));
        Assert.AreEqual((1, 1000L), (files.Grown, files.GrownBytes));
        Assert.AreEqual((1, 20L), (files.Shrunk, files.ShrunkBytes));
        Assert.AreEqual(1, files.Rewritten, "app/same.txt: same size, another layer");
        Assert.AreEqual(2, files.Unchanged, "etc/os and usr/lib/keep come from the shared base layer");
        Assert.AreEqual(4640, files.NetBytes);
        // The image grew by the visible change plus the bytes the new layer wastes (the deleted tool).
        Assert.AreEqual(comparison.SizeDelta, files.NetBytes + comparison.WastedBytesDelta);
        CollectionAssert.AreEqual(new[]
        {
            "Added /data/blob +4000",
            "Grown /app/app.dll +1000",
            "Removed /usr/bin/tool -300",
            "Removed /app/old.txt -70",
            "Added /app/new.txt +30",
            "Shrunk /app/config.json -20",
        }, comparison.LargestFileChanges.Select(f => f.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { "Added /data/blob +4000", "Grown /app/app.dll +1000" },
            ImageComparer.Compare(Before(), After(), largestFileChanges: 2).LargestFileChanges.Select(f => f.ToString()).ToArray());
    }

    [TestMethod]
    public void The_text_shows_both_images_every_layer_the_totals_and_the_largest_changes()
    {
        var model = DockerfileModel.Build(DockerfileParser.Parse("FROM base:1\nCOPY app /app\nRUN rm /usr/bin/tool && make-data\n", "Dockerfile"));
        // The Dockerfile built B: A's app layer does not verify against it and stays without a line.
        var before = DockerfileAttribution.Attribute(Before(), model, "Dockerfile");
        var after = DockerfileAttribution.Attribute(After(), model, "Dockerfile");
        Assert.AreEqual(
            "A (before): synthetic:1, 6.54 kB in 2 layers\n" +
            "B (after):  synthetic:1, 11.5 kB in 3 layers\n" +
            "A  B  CHANGE      SIZE A   SIZE B     DELTA  LINE          CREATED BY\n" +
            "0  0  unchanged  1.35 kB  1.35 kB         -  Dockerfile:1  -\n" +
            "1  1  changed    5.19 kB  6.13 kB    +940 B  Dockerfile:2  COPY app /app\n" +
            "-  2  added            -  4.00 kB  +4.00 kB  Dockerfile:3  RUN /bin/sh -c rm /usr/bin/tool && make-data\n" +
            "Layers: 1 unchanged, 1 changed, 1 added, 0 removed; size 6.54 kB -> 11.5 kB (+4.94 kB); wasted 0 B -> 300 B (+300 B)\n" +
            "Files: 2 added (+4.03 kB), 2 removed (-370 B), 1 grown (+1.00 kB), 1 shrunk (-20 B), 1 rewritten at the same size; 2 unchanged; net +4.64 kB\n" +
            "Largest file changes:\n" +
            "  +4.00 kB  added    /data/blob\n" +
            "  +1.00 kB  grown    /app/app.dll  (5.00 kB -> 6.00 kB)\n" +
            "    -300 B  removed  /usr/bin/tool\n" +
            "     -70 B  removed  /app/old.txt\n" +
            "     +30 B  added    /app/new.txt\n" +
            "     -20 B  shrunk   /app/config.json  (100 B -> 80 B)\n",
            ImageComparisonTable.Format(ImageComparer.Compare(before, after)));
    }

    [TestMethod]
    public void The_json_has_both_images_each_layer_on_both_sides_and_the_file_totals()
    {
        ImageReport before = Before(), after = After();
        string json = ImageComparisonJson.ToJson(ImageComparer.Compare(before, after, largestFileChanges: 2));
        string Layer(ImageReport r, int i, string? createdBy) =>
            "{\n        \"index\": " + i + ",\n        \"diffId\": \"" + r.Layers[i].Scan.DiffId + "\",\n        \"size\": " + r.Layers[i].Size +
            ",\n        \"createdBy\": " + (createdBy is null ? "null" : "\"" + createdBy + "\"") + ",\n        \"dockerfile\": null,\n        \"dockerfileLine\": null\n      }";
        Assert.AreEqual(
            "{\n" +
            "  \"before\": {\n    \"image\": \"synthetic:1\",\n    \"size\": 6540,\n    \"wastedBytes\": 0,\n    \"layerCount\": 2\n  },\n" +
            "  \"after\": {\n    \"image\": \"synthetic:1\",\n    \"size\": 11480,\n    \"wastedBytes\": 300,\n    \"layerCount\": 3\n  },\n" +
            "  \"sizeDelta\": 4940,\n" +
            "  \"wastedBytesDelta\": 300,\n" +
            "  \"layers\": [\n" +
            "    {\n      \"change\": \"unchanged\",\n      \"sizeDelta\": 0,\n      \"before\": " + Layer(before, 0, null) + ",\n      \"after\": " + Layer(after, 0, null) + "\n    },\n" +
            "    {\n      \"change\": \"changed\",\n      \"sizeDelta\": 940,\n      \"before\": " + Layer(before, 1, Copy) + ",\n      \"after\": " + Layer(after, 1, Copy) + "\n    },\n" +
            "    {\n      \"change\": \"added\",\n      \"sizeDelta\": 4000,\n      \"before\": null,\n      \"after\": " + Layer(after, 2, Run) + "\n    }\n" +
            "  ],\n" +
            "  \"files\": {\n" +
            "    \"added\": {\n      \"count\": 2,\n      \"bytes\": 4030\n    },\n" +
            "    \"removed\": {\n      \"count\": 2,\n      \"bytes\": 370\n    },\n" +
            "    \"grown\": {\n      \"count\": 1,\n      \"bytes\": 1000\n    },\n" +
            "    \"shrunk\": {\n      \"count\": 1,\n      \"bytes\": 20\n    },\n" +
            "    \"rewritten\": {\n      \"count\": 1\n    },\n" +
            "    \"unchanged\": {\n      \"count\": 2\n    },\n" +
            "    \"netBytes\": 4640,\n" +
            "    \"largestChanges\": [\n" +
            "      {\n        \"path\": \"data/blob\",\n        \"change\": \"added\",\n        \"sizeBefore\": null,\n        \"sizeAfter\": 4000,\n        \"sizeDelta\": 4000,\n        \"layerBefore\": null,\n        \"layerAfter\": 2\n      },\n" +
            "      {\n        \"path\": \"app/app.dll\",\n        \"change\": \"grown\",\n        \"sizeBefore\": 5000,\n        \"sizeAfter\": 6000,\n        \"sizeDelta\": 1000,\n        \"layerBefore\": 1,\n        \"layerAfter\": 1\n      }\n" +
            "    ]\n" +
            "  }\n" +
            "}\n",
            json);
    }

    /// <summary>
    /// Whiteouts of a directory, a re-added path under it, a file turned directory, an opaque directory, a directory
    /// replaced by a file, a hard link, a symlink, and names that sort between a directory and its children.
    /// </summary>
    private static ImageReport Layered() => ImageAnalyzer.Analyze(Synthetic.Image(new[]
    {
        new TestTarWriter().Directory("d").File("d/a", 10).File("d/sub/b", 20).File("d-e", 6).File("f", 5).File("g/h", 7)
            .File("keep", 1).HardLink("keep-link", "keep").Symlink("s", "keep").Finish(),
        new TestTarWriter().File(".wh.d", "").File("d/c", 30).File("f/x", 3).File("g/.wh..wh..opq", "").File("g/i", 8).Finish(),
        new TestTarWriter().File("d", 40).Finish(),
    }, new[] { "/bin/sh -c one", "/bin/sh -c two", "/bin/sh -c three" }));

    [TestMethod]
    public void The_walk_shows_the_files_the_analyzer_leaves_and_their_bytes_are_the_size_less_the_removed_bytes()
    {
        ImageReport image = Layered();
        ImageReport empty = ImageAnalyzer.Analyze(Synthetic.Image());
        ImageComparison fromNothing = ImageComparer.Compare(empty, image, largestFileChanges: 100);
        CollectionAssert.AreEqual(new[]
        {
            "Added /d +40",
            "Added /g/i +8",
            "Added /d-e +6",
            "Added /s +4",
            "Added /f/x +3",
            "Added /keep +1",
            "Added /keep-link +1",
        }, fromNothing.LargestFileChanges.Select(f => f.ToString()).ToArray());
        Assert.AreEqual(7, fromNothing.Files.Added);
        // One home for the overlay rules, checked: the visible files (a hard link's bytes are its source's) are what the analyzer did not remove.
        long hardLinkBytes = 1;
        Assert.AreEqual(image.Size - image.RemovedBytes, fromNothing.Files.AddedBytes - hardLinkBytes);

        ImageComparison same = ImageComparer.Compare(image, image);
        Assert.AreEqual(7, same.Files.Unchanged);
        Assert.AreEqual(0, same.Files.Added + same.Files.Removed + same.Files.Grown + same.Files.Shrunk + same.Files.Rewritten);
        Assert.IsTrue(same.Layers.All(l => l.Kind == LayerChangeKind.Unchanged));

        ImageComparison toNothing = ImageComparer.Compare(image, empty);
        Assert.AreEqual((7, fromNothing.Files.AddedBytes), (toNothing.Files.Removed, toNothing.Files.RemovedBytes));
        CollectionAssert.AreEqual(new[] { "Removed 0-> -53", "Removed 1-> -41", "Removed 2-> -40" }, toNothing.Layers.Select(l => l.ToString()).ToArray());
    }
}
