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

    [TestMethod]
    public void Silent_on_an_empty_line_that_a_windows_path_swallowed_into_the_instruction() =>
        // COPY's path ends with '\' (no '# escape=`'): the blank line and the RUN are inside the COPY only because of it (COPT1203).
        RuleVerifier.Verify<COPT1102NoEmptyContinuation>(
            "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nCOPY . C:\\src\\\n\nRUN msbuild C:\\src\\App.sln /m\n");

    [TestMethod]
    public void An_empty_line_after_the_swallowed_instruction_is_still_reported()
    {
        var findings = RuleVerifier.Verify<COPT1102NoEmptyContinuation>(
            "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nCOPY . C:\\src\\\n\nRUN msbuild C:\\src\\App.sln \\\n\n    [|/m|]\n");
        Assert.AreEqual("Empty continuation line: delete the empty line 5 inside this instruction (or end the instruction before it).", findings[0].Message);
        Assert.AreEqual(6, findings[0].Location.Start.Line);
        Assert.AreEqual(5, findings[0].Location.Start.Column);
    }
}
