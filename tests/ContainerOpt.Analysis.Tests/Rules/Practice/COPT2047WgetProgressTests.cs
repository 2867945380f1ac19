using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2047WgetProgressTests
{
    [TestMethod]
    public void Wget_without_progress_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2047WgetProgress>("FROM node AS foo\nRUN [|wget|] my.xyz\n");
        StringAssert.StartsWith(findings[0].Message, "Add --progress=dot:giga (or -q / -nv) to wget");
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2047WgetProgress>("FROM node AS foo\nONBUILD RUN [|wget|] my.xyz\n");

    [TestMethod]
    [DataRow("--progress=dot:giga")]
    [DataRow("--progress bar:force")]
    [DataRow("-q")]
    [DataRow("--quiet")]
    [DataRow("-nv")]
    [DataRow("--no-verbose")]
    [DataRow("--output-file=/tmp/wget.log")]
    [DataRow("-o /tmp/wget.log")]
    [DataRow("--append-output=/tmp/wget.log")]
    [DataRow("-a /tmp/wget.log")]
    [DataRow("-qO-")]
    public void Progress_quiet_or_log_options_are_fine(string option) =>
        RuleVerifier.Verify<COPT2047WgetProgress>($"FROM node AS foo\nRUN wget {option} my.xyz\nONBUILD RUN wget {option} my.xyz\n");

    [TestMethod]
    public void Output_document_is_not_a_log_option() =>
        RuleVerifier.Verify<COPT2047WgetProgress>("FROM node\nRUN [|wget|] -O /tmp/x.tgz https://x/y.tgz && wget -q https://x/z\n");

    [TestMethod]
    public void Reported_once_per_run_and_in_pipes_and_heredocs() =>
        RuleVerifier.Verify<COPT2047WgetProgress>(
            "FROM node\nRUN [|wget|] -O- https://x/a | tar xz && wget https://x/b\nRUN <<EOF\n[|wget|] https://x/c\nEOF\n");
}
