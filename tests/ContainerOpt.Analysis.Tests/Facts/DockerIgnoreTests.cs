using ContainerOpt.Analysis.Facts;

namespace ContainerOpt.Analysis.Tests.Facts;

/// <summary>.dockerignore matching as BuildKit's patternmatcher does it, for literal patterns (compared as text) and globs (regexes).</summary>
[TestClass]
public sealed class DockerIgnoreTests
{
    [TestMethod]
    [DataRow("bin", "bin", true)]
    [DataRow("bin", "bin/Debug/app.dll", true)]
    [DataRow("bin", "binary", false)]
    [DataRow("bin", "src/bin", false)]
    [DataRow("obj/Debug", "obj/Debug/x", true)]
    [DataRow("obj/Debug", "obj/Release/x", false)]
    [DataRow("/.git", ".git/HEAD", true)]
    [DataRow("./docs/", "docs/a.md", true)]
    [DataRow("**/bin", "src/Api/bin/x.dll", true)]
    [DataRow("**/bin", "src/Api/binary", false)]
    [DataRow("*.md", "README.md", true)]
    [DataRow("*.md", "docs/README.md", false)]
    [DataRow("docs/*.md", "docs/README.md", true)]
    [DataRow("te?t", "test/x", true)]
    [DataRow("[a-c]x", "bx", true)]
    [DataRow("[a-c]x", "dx", false)]
    public void A_pattern_excludes_the_path_or_a_parent_folder(string pattern, string path, bool excluded) =>
        Assert.AreEqual(excluded, DockerIgnore.Parse(pattern + "\n").IsExcluded(path), $"{pattern} vs {path}");

    [TestMethod]
    public void The_last_matching_line_wins_and_an_exclamation_mark_re_includes()
    {
        var ignore = DockerIgnore.Parse("# comment\n*.md\n!README.md\nbin\n!bin/keep\n");
        Assert.IsTrue(ignore.IsExcluded("CHANGELOG.md"));
        Assert.IsFalse(ignore.IsExcluded("README.md"));
        Assert.IsTrue(ignore.IsExcluded("bin/app.dll"));
        Assert.IsFalse(ignore.IsExcluded("bin/keep"));
        Assert.IsFalse(ignore.IsExcluded("src/Program.cs"));
    }

    [TestMethod]
    public void Paths_are_cleaned_like_Gos_filepath_Clean_before_matching()
    {
        var ignore = DockerIgnore.Parse("obj\n");
        Assert.IsTrue(ignore.IsExcluded("./obj/x"));
        Assert.IsTrue(ignore.IsExcluded("src/../obj/x"));
        Assert.IsTrue(ignore.IsExcluded("obj//x"));
        Assert.IsTrue(ignore.IsExcluded("obj\\x"));
        Assert.IsFalse(ignore.IsExcluded("."));
    }

    [TestMethod]
    [DataRow("", ".")]
    [DataRow("/", "/")]
    [DataRow("a/b", "a/b")]
    [DataRow("/a/b", "/a/b")]
    [DataRow("a/b/", "a/b")]
    [DataRow("./a", "a")]
    [DataRow("a//b", "a/b")]
    [DataRow("a/./b", "a/b")]
    [DataRow("a/../b", "b")]
    [DataRow("../a", "../a")]
    [DataRow("/../a", "/a")]
    [DataRow("a/..", ".")]
    [DataRow(".", ".")]
    [DataRow("..", "..")]
    [DataRow(".a/..b/c.", ".a/..b/c.")]
    [DataRow("a//", "a")]
    [DataRow("//", "/")]
    [DataRow("/a/b//", "/a/b")]
    [DataRow("./", ".")]
    [DataRow("a/../", ".")]
    [DataRow("a//b/", "a/b")]
    [DataRow("a/b/../../..", "..")]
    [DataRow("../../a/../b", "../../b")]
    [DataRow("/a/../../b/./c/..", "/b")]
    [DataRow("a/b/c/../../d", "a/d")]
    [DataRow("./../a/.", "../a")]
    [DataRow("../..", "../..")]
    [DataRow("/..", "/")]
    [DataRow("a/...", "a/...")]
    [DataRow("x/..y/../z", "x/z")]
    public void CleanPath_is_Gos_filepath_Clean(string path, string cleaned) =>
        Assert.AreEqual(cleaned, DockerIgnore.CleanPath(path));
}
