using System.Text.Json;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>BuildKit's own parser test data: our tree must dump byte for byte like BuildKit's.</summary>
[TestClass]
public sealed class BuildKitParserConformanceTests
{
    public static IEnumerable<object[]> ParserCases => Corpus.Folders("buildkit", "parser");
    public static IEnumerable<object[]> NegativeCases => Corpus.Folders("buildkit", "parser-negative");

    [TestMethod]
    [DynamicData(nameof(ParserCases))]
    public void Dump_matches_buildkit(string name)
    {
        var dir = Corpus.Require("buildkit", "parser", name);
        var syntax = DockerfileParser.Parse(Text.SourceText.From(File.ReadAllBytes(Path.Combine(dir, "Dockerfile"))));
        Assert.IsFalse(syntax.FailsBuildKitParse, string.Join("; ", syntax.Diagnostics));
        var expected = File.ReadAllText(Path.Combine(dir, "result"));
        Assert.AreEqual(expected, BuildKitAstDump.Dump(syntax));
    }

    [TestMethod]
    public void All_33_parser_cases_are_present()
    {
        Assert.AreEqual(33, Directory.GetDirectories(Corpus.Require("buildkit", "parser")).Length);
    }

    [TestMethod]
    [DynamicData(nameof(NegativeCases))]
    public void Negative_case_is_rejected_with_a_position(string name)
    {
        var dir = Corpus.Require("buildkit", "parser-negative", name);
        var syntax = DockerfileParser.Parse(Text.SourceText.From(File.ReadAllBytes(Path.Combine(dir, "Dockerfile"))));
        Assert.IsTrue(syntax.FailsBuildKitParse);
        var error = syntax.Diagnostics.First(d => d.FailsBuildKitParse);
        StringAssert.StartsWith(error.Code, "COPT1");
        var position = syntax.Source.GetLinePosition(error.Span.Start);
        Assert.IsTrue(position.Line >= 1 && position.Column >= 1);
    }

    [TestMethod]
    public void Line_numbers_match_buildkit()
    {
        var path = Corpus.Require("buildkit", "parser-line-numbers.Dockerfile");
        var syntax = DockerfileParser.Parse(Text.SourceText.From(File.ReadAllBytes(path)));
        // BuildKit's TestLineInformation: root spans 5-31; three instructions.
        var lines = syntax.Instructions.Select(i => (i.StartLine, i.EndLine)).ToArray();
        CollectionAssert.AreEqual(new[] { (5, 5), (11, 12), (17, 31) }, lines);
    }
}
