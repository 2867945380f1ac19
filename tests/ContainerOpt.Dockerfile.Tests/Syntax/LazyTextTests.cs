using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>
/// Tokens and flags keep the source or the joined line and cut their text when first read: what they read must be
/// what BuildKit's parser makes of the words, and where they stand, on one line and across continuation lines.
/// </summary>
[TestClass]
public sealed class LazyTextTests
{
    private static string At(string text, ContainerOpt.Dockerfile.Text.TextSpan span) => text.Substring(span.Start, span.Length);

    [TestMethod]
    public void Pairs_of_a_continued_label_read_their_words_and_stand_on_them()
    {
        string text = "FROM a\nLABEL one=\"1\" \\\n  # note\n      two=2 \\\n  three=x\\ y\n";
        var label = DockerfileParser.Parse(text).Instructions[1];
        var pairs = label.KeyValues;
        Assert.AreEqual(3, pairs.Count);
        Assert.AreEqual("one", pairs[0].Key.Value);
        Assert.AreEqual("\"1\"", pairs[0].Value.Value);
        Assert.AreEqual("two", pairs[1].Key.Value);
        Assert.AreEqual("2", pairs[1].Value.Value);
        Assert.AreEqual("three", pairs[2].Key.Value);
        Assert.AreEqual("x\\ y", pairs[2].Value.Value);
        Assert.AreEqual("two", At(text, pairs[1].Key.Span));
        Assert.AreEqual("x\\ y", At(text, pairs[2].Value.Span));
        Assert.AreEqual("one=\"1\"       two=2   three=x\\ y", label.ArgumentText.Value);
    }

    [TestMethod]
    public void A_word_across_a_continuation_is_the_joined_characters()
    {
        // The span of a word cut by a continuation covers both pieces; the value is the joined word.
        string text = "FROM a\nCOPY sr\\\nc /dst\n";
        var copy = DockerfileParser.Parse(text).Instructions[1];
        Assert.AreEqual(2, copy.Arguments.Count);
        Assert.AreEqual("src", copy.Arguments[0].Value);
        Assert.AreEqual("sr\\\nc", At(text, copy.Arguments[0].Span));
        Assert.AreEqual("/dst", copy.Arguments[1].Value);
        Assert.AreEqual("src /dst", copy.ArgumentText.Value);
    }

    [TestMethod]
    public void Flags_read_name_value_and_text_on_one_line_and_across_lines()
    {
        string text = "FROM a\nRUN --mount=type=cache,target=/x \\\n    --network=none echo hi\nCOPY --from=\"b c\" --link x y\n";
        var syntax = DockerfileParser.Parse(text);
        var run = syntax.Instructions[1];
        Assert.AreEqual(2, run.Flags.Count);
        Assert.AreEqual("mount", run.Flags[0].Name);
        Assert.AreEqual("type=cache,target=/x", run.Flags[0].Value);
        Assert.AreEqual("--mount=type=cache,target=/x", run.Flags[0].Raw);
        Assert.AreEqual("--network=none", run.Flags[1].Raw);
        Assert.AreEqual("none", run.Flags[1].Value);
        Assert.AreEqual("--network=none", At(text, run.Flags[1].Span));
        // A name some instruction takes is the one shared string, not a copy.
        Assert.AreSame(string.IsInterned("network"), run.Flags[1].Name);
        Assert.AreEqual("echo hi", run.ArgumentText.Value);

        var copy = syntax.Instructions[2];
        Assert.AreEqual("--from=b c", copy.Flags[0].Raw);
        Assert.AreEqual("from", copy.Flags[0].Name);
        Assert.AreEqual("b c", copy.Flags[0].Value);
        Assert.AreEqual("--from=\"b c\"", At(text, copy.Flags[0].Span));
        Assert.AreEqual("link", copy.Flags[1].Name);
        Assert.IsNull(copy.Flags[1].Value);
        Assert.AreEqual("x y", copy.ArgumentText.Value);
    }

    [TestMethod]
    public void An_unknown_flag_name_is_read_as_written()
    {
        var run = DockerfileParser.Parse("FROM a\nRUN --Bogus-Flag=1 true\n").Instructions[1];
        Assert.AreEqual("Bogus-Flag", run.Flags[0].Name);
        Assert.AreEqual("1", run.Flags[0].Value);
    }

    [TestMethod]
    public void A_token_read_from_several_threads_reads_the_same_value()
    {
        string text = "FROM a\nENV A=1 \\\n    B=2\n";
        var env = DockerfileParser.Parse(text).Instructions[1];
        var values = new string[8];
        Parallel.For(0, values.Length, i => values[i] = env.KeyValues[1].Value.Value + env.ArgumentText.Value);
        foreach (var value in values)
        {
            Assert.AreEqual("2A=1     B=2", value);
        }
    }
}
