using ContainerOpt.Analysis.Facts;

namespace ContainerOpt.Analysis.Tests.Facts;

/// <summary>Paths inside the image as the layer simulation compares them.</summary>
[TestClass]
public sealed class LayerPathsTests
{
    // Plain names (joined without cleaning) and everything else (cleaned as Go's path.Clean does) give the same paths.
    [TestMethod]
    [DataRow("app.dll", "/app", "/app/app.dll")]
    [DataRow("src/Api/", "/src", "/src/src/Api")]
    [DataRow("src/Api//", "/src", "/src/src/Api")]
    [DataRow("./", "/src", "/src")]
    [DataRow(".", "/src", "/src")]
    [DataRow("", "/src", "/src")]
    [DataRow(".//x", "/src", "/src/x")]
    [DataRow("././x/", "/src", "/src/x")]
    [DataRow(".hidden/..a/b.", "/w", "/w/.hidden/..a/b.")]
    [DataRow("../x", "/src/api", "/src/x")]
    [DataRow("a/../b", "/src", "/src/b")]
    [DataRow("a//b", "/src", "/src/a/b")]
    [DataRow("a/./b", "/", "/a/b")]
    [DataRow("x", "/", "/x")]
    [DataRow("x", "", "/x")]
    [DataRow("x/", "/src/../w/", "/w/x")]
    [DataRow("x", "w", "w/x")]
    [DataRow("/app/", "/src", "/app")]
    [DataRow("/app//bin///", "/src", "/app/bin")]
    [DataRow("/app", "/src", "/app")]
    [DataRow("/", "/src", "/")]
    [DataRow("///", "/src", "/")]
    [DataRow("/a/../b/", "/src", "/b")]
    [DataRow("/a/./b", "/src", "/a/b")]
    public void Resolve_gives_the_clean_absolute_path(string path, string workdir, string resolved) =>
        Assert.AreEqual(resolved, LayerPaths.Resolve(path, workdir));

    [TestMethod]
    [DataRow("src/Api/Api.csproj", "/src/Api", "/src/Api/Api.csproj")]
    [DataRow("src/Api/", "/src", "/src/Api")]
    [DataRow("config", "/", "/config")]
    [DataRow("a/b/..", "/w", "/")]
    [DataRow("a/.", "/w", "/w")]
    [DataRow("/", "/w", "/w")]
    [DataRow("", "/w", "/w")]
    public void ResolveBaseName_places_the_last_segment_in_the_folder(string path, string directory, string resolved)
    {
        Assert.AreEqual(resolved, LayerPaths.ResolveBaseName(path, directory));
        Assert.AreEqual(LayerPaths.Resolve(LayerPaths.BaseName(path), directory), LayerPaths.ResolveBaseName(path, directory));
    }

    [TestMethod]
    [DataRow("/var/lib/apt/lists/*", "/var/lib/apt/lists", true, false)]
    [DataRow("/var/lib/apt/lists/*", "/var/lib/apt/lists/partial", true, true)]
    [DataRow("/var/lib/apt", "/var/lib/apt/lists", true, true)]
    [DataRow("/var/lib/ap", "/var/lib/apt/lists", false, false)]
    [DataRow("/tmp/*.tar.gz", "/tmp/app.tar.gz", true, true)]
    [DataRow("/tmp/*.tar.gz", "/tmp/app.zip", false, false)]
    [DataRow("/app", "/app/x", true, true)]
    [DataRow("/app/*", "/app", true, false)]
    public void A_removal_covers_and_names_paths(string target, string path, bool covers, bool names)
    {
        var removal = new LayerPaths.Removal(target);
        Assert.AreEqual(covers, removal.Covers(path), "Covers");
        Assert.AreEqual(names, removal.NamesPathOrParent(path), "NamesPathOrParent");
        Assert.AreEqual(covers, LayerPaths.RemovalCovers(target, path), "RemovalCovers");
    }

    [TestMethod]
    [DataRow("~", "/root")]
    [DataRow("~/x", "/root/x")]
    [DataRow("$HOME/.cache", "/root/.cache")]
    [DataRow("${HOME}", "/root")]
    [DataRow("$HOMEDIR/x", "$HOMEDIR/x")]
    [DataRow("/home/$HOME", "/home/$HOME")]
    public void SubstituteHome_reads_home_as_root(string value, string substituted) =>
        Assert.AreEqual(substituted, LayerPaths.SubstituteHome(value));

    [TestMethod]
    [DataRow("/a/b", "/a", true)]
    [DataRow("/a", "/a", true)]
    [DataRow("/ab", "/a", false)]
    [DataRow("/a/b", "/", true)]
    [DataRow("/a//b", "/a/", true)]
    [DataRow("/a/b", "/a/", false)]
    public void IsAtOrUnder_compares_whole_segments(string path, string directory, bool under) =>
        Assert.AreEqual(under, LayerPaths.IsAtOrUnder(path, directory));
}
