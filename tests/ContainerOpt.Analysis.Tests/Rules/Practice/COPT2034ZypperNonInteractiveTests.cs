using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2034ZypperNonInteractiveTests
{
    [TestMethod]
    public void Install_without_a_non_interactive_switch_is_reported_at_zypper()
    {
        var findings = RuleVerifier.Verify<COPT2034ZypperNonInteractive>(
            "FROM opensuse/leap:15.6\nRUN [|zypper|] install httpd=2.4.24 && zypper clean\nONBUILD RUN [|zypper|] install httpd=2.4.24 && zypper clean\n");
        Assert.AreEqual("Add -y (or the global -n) to zypper install so it does not stop to ask for confirmation (zypper install -y <package>).", findings[0].Message);
    }

    [TestMethod]
    public void Every_non_interactive_switch_is_fine() =>
        RuleVerifier.Verify<COPT2034ZypperNonInteractive>(
            "FROM opensuse/leap:15.6\nRUN zypper install -n httpd=2.4.24 && zypper clean\nRUN zypper install --non-interactive httpd=2.4.24 && zypper clean\n"
            + "RUN zypper install -y httpd=2.4.24 && zypper clean\nRUN zypper install --no-confirm httpd=2.4.24 && zypper clean\n"
            + "RUN zypper -n in httpd && zypper --non-interactive rm vim\n"
            + "ONBUILD RUN zypper install -n httpd=2.4.24 && zypper clean\nONBUILD RUN zypper install --no-confirm httpd=2.4.24 && zypper clean\n");

    [TestMethod]
    public void Every_prompting_subcommand_is_checked() =>
        RuleVerifier.Verify<COPT2034ZypperNonInteractive>(
            "FROM opensuse/leap:15.6\nRUN [|zypper|] in curl && [|zypper|] remove vim && [|zypper|] rm vim && [|zypper|] source-install x && [|zypper|] si x && [|zypper|] patch\n"
            + "RUN zypper refresh && zypper clean -a && zypper search install\n");

    [TestMethod]
    public void Wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2034ZypperNonInteractive>(
            "FROM opensuse/leap:15.6\nRUN sudo [|zypper|] --root /mnt install curl\nRUN <<EOF\n[|zypper|] in git\nEOF\n");
}
