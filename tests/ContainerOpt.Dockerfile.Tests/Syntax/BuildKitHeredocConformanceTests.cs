using System.Text.Json;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>BuildKit's heredoc parser cases (heredoc_cases.json).</summary>
[TestClass]
public sealed class BuildKitHeredocConformanceTests
{
    private static JsonElement Cases()
    {
        var path = Corpus.Require("buildkit", "heredoc_cases.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    [TestMethod]
    public void Extracts_heredocs_per_instruction()
    {
        var test = Cases().GetProperty("TestParseExtractsHeredoc");
        var syntax = DockerfileParser.Parse(test.GetProperty("dockerfile").GetString()!);
        Assert.IsFalse(syntax.FailsBuildKitParse, string.Join("; ", syntax.Diagnostics));
        var expected = test.GetProperty("tests").EnumerateArray().ToArray();
        // As in BuildKit's test, expectations start at the second instruction (after FROM).
        Assert.AreEqual(expected.Length + 1, syntax.Instructions.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var actual = syntax.Instructions[i + 1].Heredocs;
            if (expected[i].ValueKind == JsonValueKind.Null)
            {
                Assert.AreEqual(0, actual.Count, $"instruction {i + 1}: {syntax.Instructions[i + 1].Original}");
                continue;
            }
            var docs = expected[i].EnumerateArray().ToArray();
            Assert.AreEqual(docs.Length, actual.Count, $"instruction {i + 1}: {syntax.Instructions[i + 1].Original}");
            for (int j = 0; j < docs.Length; j++)
            {
                string where = $"instruction {i + 1} heredoc {j + 1}";
                Assert.AreEqual(docs[j].GetProperty("Name").GetString(), actual[j].Name, where);
                Assert.AreEqual(docs[j].GetProperty("Content").GetString(), actual[j].Content, where);
                Assert.AreEqual(docs[j].GetProperty("Expand").GetBoolean(), actual[j].Expand, where);
                Assert.AreEqual(docs[j].TryGetProperty("Chomp", out var c) && c.GetBoolean(), actual[j].Chomp, where);
                Assert.AreEqual(docs[j].TryGetProperty("FileDescriptor", out var fd) ? fd.GetInt32() : 0, actual[j].FileDescriptor, where);
            }
        }
    }

    [TestMethod]
    public void Json_form_never_has_heredocs()
    {
        var test = Cases().GetProperty("TestParseJSONHeredoc");
        var syntax = DockerfileParser.Parse(test.GetProperty("dockerfile").GetString()!);
        Assert.IsFalse(syntax.FailsBuildKitParse);
        Assert.IsTrue(syntax.Instructions.All(i => i.Heredocs.Count == 0));
    }

    [TestMethod]
    public void Heredoc_helpers_classify_openers()
    {
        var test = Cases().GetProperty("TestParseHeredocHelpers");
        foreach (var word in test.GetProperty("validHeredocs").EnumerateArray().Select(e => e.GetString()!))
        {
            var doc = HeredocWords.Parse(word, out var error);
            Assert.IsNull(error, word);
            Assert.IsNotNull(doc, word);
        }
        foreach (var word in test.GetProperty("invalidHeredocs").EnumerateArray().Select(e => e.GetString()!))
        {
            HeredocWords.Parse(word, out var error);
            Assert.IsNotNull(error, word);
        }
        foreach (var word in test.GetProperty("notHeredocs").EnumerateArray().Select(e => e.GetString()!))
        {
            var doc = HeredocWords.Parse(word, out var error);
            Assert.IsNull(error, word);
            Assert.IsNull(doc, word);
        }
    }

    [TestMethod]
    public void Heredocs_from_line()
    {
        var test = Cases().GetProperty("TestHeredocsFromLine");
        foreach (var src in test.GetProperty("srcs").EnumerateArray())
        {
            string line = src.GetProperty("line").GetString()!;
            var expected = src.GetProperty("heredocNames").ValueKind == JsonValueKind.Null
                ? Array.Empty<string>()
                : src.GetProperty("heredocNames").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var actual = HeredocWords.FromLine(line, out var error).Select(h => h.Name).ToArray();
            Assert.IsNull(error, line);
            CollectionAssert.AreEqual(expected, actual, line);
        }
    }
}
