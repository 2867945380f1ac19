using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2101WgetAndCurlTests
{
    [TestMethod]
    public void Wget_then_curl_in_a_stage_is_reported_at_curl()
    {
        var findings = RuleVerifier.Verify<COPT2101WgetAndCurl>("FROM node AS foo\nRUN wget my.xyz\nRUN [|curl|] localhost\n");
        Assert.AreEqual("Use either curl or wget in a stage, not both: this stage already uses 'wget', so use it here instead of 'curl'.", findings[0].Message);
    }

    [TestMethod]
    public void Both_in_one_instruction_are_reported() =>
        RuleVerifier.Verify<COPT2101WgetAndCurl>("FROM node AS foo\nRUN wget my.xyz && [|curl|] localhost\n");

    [TestMethod]
    public void Only_wget_is_fine() =>
        RuleVerifier.Verify<COPT2101WgetAndCurl>("FROM node AS foo\nRUN wget my.xyz\nRUN wget -q other.xyz\n");

    [TestMethod]
    public void Different_stages_are_fine() =>
        RuleVerifier.Verify<COPT2101WgetAndCurl>("FROM node AS foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n");

    [TestMethod]
    public void Only_the_stage_with_both_is_reported() =>
        RuleVerifier.Verify<COPT2101WgetAndCurl>(
            "FROM node AS foo\nRUN wget my.xyz\nRUN [|curl|] localhost\nFROM scratch\nRUN curl localhost\n");

    [TestMethod]
    public void Runs_without_a_download_tool_are_not_reported() =>
        RuleVerifier.Verify<COPT2101WgetAndCurl>("FROM node AS foo\nRUN wget my.xyz\nRUN [|curl|] my.xyz\nRUN echo hello\n");

    [TestMethod]
    public void Every_later_run_with_either_tool_is_reported() =>
        RuleVerifier.Verify<COPT2101WgetAndCurl>(
            "FROM node AS foo\nRUN wget my.xyz\nRUN [|curl|] my.xyz\nRUN echo hello\nRUN [|wget|] foo.com\n");

    [TestMethod]
    public void Onbuild_runs_are_counted_apart() =>
        RuleVerifier.Verify<COPT2101WgetAndCurl>(
            "FROM node\nRUN wget my.xyz\nONBUILD RUN curl my.xyz\nONBUILD RUN <<EOF\n[|wget|] other.xyz\nEOF\n");
}
