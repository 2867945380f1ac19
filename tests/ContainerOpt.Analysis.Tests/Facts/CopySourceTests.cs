using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

[TestClass]
public sealed class CopySourceTests
{
    private static CopySource OnlySource(string source)
    {
        var text = "FROM alpine:3.20\nCOPY " + source + " /app/\n";
        var facts = new DockerfileFacts(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));
        var copy = facts.CopyOf(facts.Instructions[facts.Instructions.Count - 1]);
        Assert.IsNotNull(copy);
        return copy.Sources.Single();
    }

    [TestMethod]
    [DataRow(".", true)]
    [DataRow("./", true)]
    [DataRow("/", true)]
    [DataRow("*", true)]
    [DataRow("./*", true)]
    [DataRow("**", true)]
    [DataRow(".//", true)]
    [DataRow("src/..", true)]
    [DataRow("src/../*", true)]
    [DataRow("src", false)]
    [DataRow("src/", false)]
    [DataRow("*.csproj", false)]
    [DataRow("..", false)]
    [DataRow("./.", true)]
    [DataRow("...", false)]
    [DataRow("a..b/..", true)]
    [DataRow("*/*", false)]
    [DataRow("***", false)]
    [DataRow("/**/", true)]
    [DataRow("*.json", false)]
    public void The_whole_context_is_told_from_the_cleaned_source(string source, bool whole) =>
        Assert.AreEqual(whole, OnlySource(source).IsWholeContext);

    [TestMethod]
    [DataRow("src", true)]
    [DataRow("src/Api", true)]
    [DataRow("src/", true)]
    [DataRow(".", true)]
    [DataRow("a/.hidden", true)]
    [DataRow("app.py", false)]
    [DataRow("src/app.py", false)]
    [DataRow("Makefile", false)]
    [DataRow("docs/LICENSE", false)]
    [DataRow("BUILD", false)]
    [DataRow("src/*", false)]
    [DataRow("x", true)]
    [DataRow(".editorconfig", false)]
    [DataRow("config/.npmrc", false)]
    [DataRow(".mvn", true)]
    public void A_source_is_a_directory_when_its_base_name_has_no_extension_and_names_no_known_file(string source, bool directory) =>
        Assert.AreEqual(directory, OnlySource(source).IsDirectoryLike);
}
