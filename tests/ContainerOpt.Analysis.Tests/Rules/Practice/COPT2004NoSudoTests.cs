using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2004NoSudoTests
{
    [TestMethod]
    public void Sudo_is_reported_at_the_sudo_word()
    {
        var findings = RuleVerifier.Verify<COPT2004NoSudo>("FROM debian:12\nRUN [|sudo|] apt-get update\n");
        StringAssert.StartsWith(findings[0].Message, "Do not use sudo");
        // Not a certain failure (hadolint calls it an error; ContainerOpt keeps errors for certainties): a warning here, an error in hadolint mode.
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2004NoSudo>("FROM debian:12\nONBUILD RUN [|sudo|] apt-get update\n");

    [TestMethod]
    public void Installing_sudo_is_fine() =>
        RuleVerifier.Verify<COPT2004NoSudo>("FROM debian:12\nRUN apt-get install sudo\nONBUILD RUN apt-get install sudo\n");

    [TestMethod]
    public void Sudo_in_a_chain_is_reported() =>
        RuleVerifier.Verify<COPT2004NoSudo>("FROM debian:12\nRUN apt-get update && [|sudo|] apt-get install\nONBUILD RUN apt-get update && [|sudo|] apt-get install\n");

    [TestMethod]
    public void Sudo_with_options_or_a_path_once_per_run() =>
        RuleVerifier.Verify<COPT2004NoSudo>("FROM debian:12\nRUN [|/usr/bin/sudo|] -u app -E make && sudo make install\n");

    [TestMethod]
    public void Sudo_in_a_heredoc_body_is_reported() =>
        RuleVerifier.Verify<COPT2004NoSudo>("FROM debian:12\nRUN <<EOF\nset -e\n[|sudo|] chown app /data\nEOF\n");
}
