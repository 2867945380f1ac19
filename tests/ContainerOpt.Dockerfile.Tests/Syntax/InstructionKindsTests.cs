using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>The keyword table: the upper-case fast path agrees with the case-insensitive lookup for every keyword; an instruction's keyword text and span.</summary>
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

    [TestMethod]
    public void The_keyword_text_and_span_are_the_keyword_tokens_whatever_its_case_or_lines()
    {
        // Upper case (a shared string, the token made when asked), other cases, an unknown word, ONBUILD's trigger, and a
        // keyword continued onto the next line.
        var syntax = DockerfileParser.Parse("FROM alpine\nrun a\nRun b\nFOO c\nONBUILD copy . /x\nRU\\\nN d\n");
        var instructions = syntax.Instructions;
        Assert.AreEqual(6, instructions.Count);
        var expected = new (string Text, int Start, int Length)[] { ("FROM", 0, 4), ("run", 12, 3), ("Run", 18, 3), ("FOO", 24, 3), ("ONBUILD", 30, 7), ("RUN", 48, 5) };
        for (int i = 0; i < expected.Length; i++)
        {
            var instruction = instructions[i];
            Assert.AreEqual(expected[i].Text, instruction.KeywordText, expected[i].Text);
            Assert.AreEqual(new TextSpan(expected[i].Start, expected[i].Length), instruction.KeywordSpan, expected[i].Text);
            var token = instruction.Keyword;
            Assert.AreEqual(instruction.KeywordText, token.Value, expected[i].Text);
            Assert.AreEqual(instruction.KeywordSpan, token.Span, expected[i].Text);
            Assert.AreSame(token, instruction.Keyword, "the token is made once");
        }
        var trigger = instructions[4].OnbuildInstruction!;
        Assert.AreEqual("copy", trigger.KeywordText);
        Assert.AreEqual(new TextSpan(38, 4), trigger.KeywordSpan);
        Assert.AreEqual(trigger.KeywordSpan, trigger.Keyword.Span);
        Assert.AreEqual(InstructionKind.Run, instructions[5].Kind);
    }
}
