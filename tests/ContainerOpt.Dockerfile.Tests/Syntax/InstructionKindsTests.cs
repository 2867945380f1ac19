using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>The keyword table: the upper-case fast path agrees with the case-insensitive lookup for every keyword.</summary>
[TestClass]
public sealed class InstructionKindsTests
{
    [TestMethod]
    public void Every_upper_case_keyword_is_found_in_place_with_its_kind()
    {
        Assert.AreEqual(18, InstructionKinds.Keywords.Count);
        foreach (var keyword in InstructionKinds.Keywords)
        {
            string text = "x " + keyword + " y";
            Assert.AreEqual(keyword, InstructionKinds.UpperCaseKeyword(text, 2, keyword.Length, out var kind), keyword);
            Assert.AreEqual(InstructionKinds.FromKeyword(keyword), kind, keyword);
            Assert.AreNotEqual(InstructionKind.Unknown, kind, keyword);
            Assert.AreEqual(keyword, kind.ToKeyword());
        }
    }

    [TestMethod]
    [DataRow("run")]
    [DataRow("Run")]
    [DataRow("RUNS")]
    [DataRow("RU")]
    [DataRow("AXG")]
    [DataRow("COPYX")]
    [DataRow("")]
    public void Other_words_are_not_upper_case_keywords(string word)
    {
        string text = "x " + word + " y";
        Assert.IsNull(InstructionKinds.UpperCaseKeyword(text, 2, word.Length, out var kind));
        Assert.AreEqual(InstructionKind.Unknown, kind);
    }
}
