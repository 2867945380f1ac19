using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1102NoEmptyContinuationTests
{
    [TestMethod]
    public void Reported_on_the_last_line_of_the_instruction_like_buildkit()
    {
        var findings = RuleVerifier.Verify<COPT1102NoEmptyContinuation>("FROM scratch\nCOPY Dockerfile \\\n\n[|.|]\n");
        Assert.AreEqual("Empty continuation line: delete the empty line 3 inside this instruction (or end the instruction before it).", findings[0].Message);
        Assert.AreEqual(4, findings[0].Location.Start.Line);
        CollectionAssert.AreEqual(new[] { "NoEmptyContinuation" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Several_empty_lines_make_one_finding_naming_them_all()
    {
        var findings = RuleVerifier.Verify<COPT1102NoEmptyContinuation>(
            "FROM debian:12\nRUN apt-get update \\\n\n    && apt-get install -y curl \\\n\n    [|&& rm -rf /var/lib/apt/lists/*|]\n");
        StringAssert.Contains(findings[0].Message, "lines 3, 5");
    }

    [TestMethod]
    public void Heredoc_body_lines_are_not_the_end_line() =>
        RuleVerifier.Verify<COPT1102NoEmptyContinuation>("FROM alpine\nRUN --network=none \\\n\n    [|cat <<EOF|]\nhello\n\nEOF\n");

    [TestMethod]
    public void Comment_lines_inside_a_continuation_and_plain_continuations_are_fine() =>
        RuleVerifier.Verify<COPT1102NoEmptyContinuation>("FROM scratch\nCOPY Dockerfile \\\n# a comment\n.\nCOPY Dockerfile \\\n  /x\n\n");
}
