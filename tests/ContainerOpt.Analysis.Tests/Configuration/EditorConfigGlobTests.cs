using ContainerOpt.Analysis.Configuration;

namespace ContainerOpt.Analysis.Tests.Configuration;

/// <summary>
/// Section globs match as the .NET compiler matches them (checked against csc of the .NET 10 SDK where the compiler and
/// the EditorConfig specification differ: '**/' needs a folder, '?' also matches '/').
/// </summary>
[TestClass]
public sealed class EditorConfigGlobTests
{
    [TestMethod]
    // No '/': the file name in the .editorconfig's folder or any folder below.
    [DataRow("*", "/Dockerfile", true)]
    [DataRow("*", "/src/Api/Dockerfile", true)]
    [DataRow("Dockerfile", "/src/Api/Dockerfile", true)]
    [DataRow("Dockerfile", "/src/Api/Dockerfile.prod", false)]
    [DataRow("Dockerfile", "/src/Api/DOCKERFILE", false)]
    [DataRow("Dockerfile*", "/Dockerfile.prod", true)]
    [DataRow("*.Dockerfile", "/x/api.Dockerfile", true)]
    [DataRow("*.Dockerfile", "/x/Dockerfile", false)]
    // A '/': anchored at the .editorconfig's folder; '*' stops at '/', '**' does not.
    [DataRow("**/Dockerfile", "/src/Dockerfile", true)]
    [DataRow("**/Dockerfile", "/src/Api/Dockerfile", true)]
    [DataRow("**/Dockerfile", "/Dockerfile", false)]
    [DataRow("/Dockerfile", "/Dockerfile", true)]
    [DataRow("/Dockerfile", "/src/Dockerfile", false)]
    [DataRow("src/*/Dockerfile", "/src/Api/Dockerfile", true)]
    [DataRow("src/*/Dockerfile", "/src/Api/Sub/Dockerfile", false)]
    [DataRow("src/**", "/src/Api/Sub/Dockerfile", true)]
    [DataRow("src/**", "/other/src/Dockerfile", false)]
    // '?' is any one character, '/' included (the compiler's reading).
    [DataRow("Docker?ile", "/Dockerfile", true)]
    [DataRow("Docker?ile", "/Dockerffile", false)]
    [DataRow("src?Api/Dockerfile", "/src/Api/Dockerfile", true)]
    // Character sets.
    [DataRow("[Dd]ockerfile", "/dockerfile", true)]
    [DataRow("[Dd]ockerfile", "/xockerfile", false)]
    [DataRow("[!D]ockerfile", "/Dockerfile", false)]
    [DataRow("[!D]ockerfile", "/dockerfile", true)]
    [DataRow("src/[A-C]pi/Dockerfile", "/src/Api/Dockerfile", true)]
    [DataRow("src/[A-C]pi/Dockerfile", "/src/Xpi/Dockerfile", false)]
    // Choices, nested.
    [DataRow("src/{Api,Worker}/Dockerfile", "/src/Worker/Dockerfile", true)]
    [DataRow("src/{Api,Worker}/Dockerfile", "/src/Web/Dockerfile", false)]
    [DataRow("{Api,Worker}/Dockerfile", "/src/Api/Dockerfile", false)]
    [DataRow("{Dockerfile,*.dockerfile}", "/a/b.dockerfile", true)]
    [DataRow("{a,{b,c}}.txt", "/c.txt", true)]
    [DataRow("{a,{b,c}}.txt", "/d.txt", false)]
    [DataRow("x{}y", "/xy", true)]
    // Number ranges: any integer between the bounds, either order, negative too.
    [DataRow("app{1..3}/Dockerfile", "/app2/Dockerfile", true)]
    [DataRow("app{1..3}/Dockerfile", "/app4/Dockerfile", false)]
    [DataRow("app{1..3}/Dockerfile", "/app02/Dockerfile", true)]
    [DataRow("v{3..1}", "/v2", true)]
    [DataRow("v{-2..2}", "/v-1", true)]
    [DataRow("v{-2..2}", "/v-3", false)]
    // Escapes.
    [DataRow(@"\*.txt", "/*.txt", true)]
    [DataRow(@"\*.txt", "/a.txt", false)]
    [DataRow(@"a\{b\}", "/a{b}", true)]
    public void Matches_as_the_compiler(string glob, string path, bool expected)
    {
        var matcher = EditorConfigGlob.TryCreate(glob);
        Assert.IsNotNull(matcher, glob);
        Assert.AreEqual(expected, matcher.IsMatch(path), $"[{glob}] against {path}");
    }

    [TestMethod]
    [DataRow("{a,b")]
    [DataRow("a}")]
    [DataRow("a,b")]
    [DataRow("[abc")]
    [DataRow(@"abc\")]
    [DataRow("[]")]
    [DataRow("")]
    public void A_name_that_is_not_a_glob_has_no_matcher(string glob)
    {
        Assert.IsNull(EditorConfigGlob.TryCreate(glob));
    }

    [TestMethod]
    [DataRow("/repo/src/Api/Dockerfile", true)]
    [DataRow(@"/repo/a\*b", true)]
    [DataRow("src/Api/Dockerfile", false)]
    [DataRow("/repo/*.txt", false)]
    [DataRow("/repo/{a,b}", false)]
    public void A_global_section_must_be_an_absolute_path(string name, bool expected)
    {
        Assert.AreEqual(expected, EditorConfigGlob.IsAbsolutePath(name));
    }

    [TestMethod]
    public void Escapes_are_removed_from_a_global_sections_path()
    {
        Assert.AreEqual("/repo/a*b[c]", EditorConfigGlob.Unescape(@"/repo/a\*b\[c\]"));
    }
}
