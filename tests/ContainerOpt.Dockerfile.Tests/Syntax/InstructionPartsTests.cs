using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>
/// An instruction keeps its flags alone, or its pairs alone, without a parts object, and moves them into one when it gets
/// a second or rarer part: every part must read back the same whichever way it is kept, and in whichever order it was set
/// or read.
/// </summary>
[TestClass]
public sealed class InstructionPartsTests
{
    [TestMethod]
    public void Flags_alone_read_back_and_survive_the_line_being_cut()
    {
        var run = DockerfileParser.Parse("FROM a\nRUN --network=none --mount=type=tmpfs,target=/t make\n").Instructions[1];
        Assert.AreEqual(2, run.Flags.Count);
        Assert.AreEqual("--network=none", run.Flags[0].Raw);
        Assert.AreEqual(0, run.KeyValues.Count);
        Assert.AreEqual(0, run.Heredocs.Count);
        Assert.AreEqual(0, run.EmptyContinuationLines.Count);
        Assert.IsNull(run.OnbuildInstruction);
        Assert.AreEqual("RUN --network=none --mount=type=tmpfs,target=/t make", run.Original);
        Assert.AreEqual(2, run.Flags.Count);
        Assert.AreEqual("--mount=type=tmpfs,target=/t", run.Flags[1].Raw);
        Assert.AreEqual("RUN --network=none --mount=type=tmpfs,target=/t make", run.Original);
    }

    [TestMethod]
    public void Pairs_alone_read_back_and_survive_the_line_being_cut()
    {
        var env = DockerfileParser.Parse("FROM a\nENV A=1 B=2\n").Instructions[1];
        Assert.AreEqual(0, env.Flags.Count);
        Assert.AreEqual(2, env.KeyValues.Count);
        Assert.AreEqual("ENV A=1 B=2", env.Original);
        Assert.AreEqual(2, env.KeyValues.Count);
        Assert.AreEqual("B", env.KeyValues[1].Key.Value);
        Assert.AreEqual("2", env.KeyValues[1].Value.Value);
    }

    [TestMethod]
    public void Flags_and_pairs_of_one_instruction_are_both_kept()
    {
        var env = DockerfileParser.Parse("FROM a\nENV --bogus=1 A=1\n").Instructions[1];
        Assert.AreEqual(1, env.Flags.Count);
        Assert.AreEqual("--bogus=1", env.Flags[0].Raw);
        Assert.AreEqual(1, env.KeyValues.Count);
        Assert.AreEqual("A", env.KeyValues[0].Key.Value);
        Assert.AreEqual("ENV --bogus=1 A=1", env.Original);
        Assert.AreEqual(1, env.Flags.Count);
        Assert.AreEqual(1, env.KeyValues.Count);
    }

    [TestMethod]
    public void Flags_with_a_heredoc_and_an_empty_continuation_line_are_all_kept()
    {
        string text = "FROM a\nRUN --network=none \\\n\n  cat <<EOF\nbody\nEOF\n";
        var run = DockerfileParser.Parse(text).Instructions[1];
        Assert.AreEqual(1, run.Flags.Count);
        Assert.AreEqual("--network=none", run.Flags[0].Raw);
        Assert.AreEqual(1, run.Heredocs.Count);
        Assert.AreEqual("EOF", run.Heredocs[0].Name);
        Assert.AreEqual("body\n", run.Heredocs[0].Content);
        CollectionAssert.AreEqual(new[] { 3 }, run.EmptyContinuationLines.ToArray());
        Assert.AreEqual(0, run.KeyValues.Count);
    }

    [TestMethod]
    public void An_onbuild_trigger_with_flags_is_kept_apart_from_its_wrapper()
    {
        var onbuild = DockerfileParser.Parse("FROM a\nONBUILD RUN --network=none make\n").Instructions[1];
        Assert.AreEqual(0, onbuild.Flags.Count);
        var inner = onbuild.OnbuildInstruction;
        Assert.IsNotNull(inner);
        Assert.AreSame(inner, onbuild.Effective);
        Assert.AreEqual(InstructionKind.Run, inner.Kind);
        Assert.AreEqual(1, inner.Flags.Count);
        Assert.AreEqual("RUN --network=none make", inner.Original);
        Assert.AreEqual(1, inner.Flags.Count);
    }

    [TestMethod]
    public void An_instruction_without_rare_parts_reads_them_empty()
    {
        var workdir = DockerfileParser.Parse("FROM a\nWORKDIR /app\n").Instructions[1];
        Assert.AreEqual(0, workdir.Flags.Count);
        Assert.AreEqual(0, workdir.KeyValues.Count);
        Assert.AreEqual(0, workdir.Heredocs.Count);
        Assert.AreEqual(0, workdir.EmptyContinuationLines.Count);
        Assert.IsNull(workdir.OnbuildInstruction);
        Assert.AreSame(workdir, workdir.Effective);
        Assert.AreEqual("WORKDIR /app", workdir.Original);
    }

    private static string At(string text, ContainerOpt.Dockerfile.Text.TextSpan span) => text.Substring(span.Start, span.Length);

    [TestMethod]
    public void The_argument_text_is_made_when_asked_for_with_its_value_and_span()
    {
        string text = "FROM a AS b\nCOPY [\"x\", \"/y\"]\nENV A=1 \\\n  B=2\nCMD\nONBUILD RUN  make\n";
        var instructions = DockerfileParser.Parse(text).Instructions;
        var from = instructions[0];
        Assert.AreEqual("a AS b", from.ArgumentText.Value);
        Assert.AreEqual("a AS b", At(text, from.ArgumentText.Span));
        var made = from.ArgumentText;
        Assert.AreSame(made, from.ArgumentText); // made once, then kept
        var copy = instructions[1];
        Assert.AreEqual("[\"x\", \"/y\"]", copy.ArgumentText.Value);
        Assert.AreEqual(copy.ArgumentText.Value, At(text, copy.ArgumentText.Span));
        var env = instructions[2];
        Assert.AreEqual("A=1   B=2", env.ArgumentText.Value);
        Assert.AreEqual("A=1 \\\n  B=2", At(text, env.ArgumentText.Span));
        Assert.AreEqual("B=2", At(text, env.MapArgumentText(6, 3)));
        var cmd = instructions[3];
        Assert.AreEqual("", cmd.ArgumentText.Value);
        Assert.AreEqual(new ContainerOpt.Dockerfile.Text.TextSpan(text.IndexOf("CMD") + 3, 0), cmd.ArgumentText.Span);
        var onbuild = instructions[4];
        Assert.AreEqual("RUN  make", onbuild.ArgumentText.Value);
        Assert.AreEqual("make", onbuild.OnbuildInstruction!.ArgumentText.Value);
        Assert.AreEqual("make", At(text, onbuild.OnbuildInstruction.ArgumentText.Span));
        Assert.AreSame(onbuild.OnbuildInstruction.ArgumentText, onbuild.OnbuildInstruction.Arguments[0]);
    }

    [TestMethod]
    public void The_keyword_reads_back_as_text_and_as_one_token_whether_written_in_upper_case_or_not()
    {
        const string text = "FROM a\nrun make\n";
        var instructions = DockerfileParser.Parse(text).Instructions;
        var from = instructions[0];
        Assert.AreEqual("FROM", from.KeywordText);
        var made = from.Keyword;
        Assert.AreEqual("FROM", made.Value);
        Assert.AreEqual(from.KeywordSpan, made.Span);
        Assert.AreSame(made, from.Keyword); // made once, then kept
        Assert.AreEqual("FROM", from.KeywordText);
        var run = instructions[1];
        Assert.AreEqual(InstructionKind.Run, run.Kind);
        Assert.AreEqual("run", run.KeywordText);
        var written = run.Keyword;
        Assert.AreEqual("run", written.Value);
        Assert.AreEqual("run", text.Substring(written.Span.Start, written.Span.Length));
        Assert.AreSame(written, run.Keyword);
    }
}
