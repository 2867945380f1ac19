using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2038DnfAssumeYesTests
{
    [TestMethod]
    public void Install_without_yes_is_reported_at_dnf()
    {
        var findings = RuleVerifier.Verify<COPT2038DnfAssumeYes>(
            "FROM fedora:40\nRUN [|dnf|] install httpd-2.4.24 && dnf clean all\nONBUILD RUN [|dnf|] install httpd-2.4.24 && dnf clean all\n");
        Assert.AreEqual("Add -y to dnf install so it does not stop to ask for confirmation (dnf install -y <package>).", findings[0].Message);
    }

    [TestMethod]
    public void Yes_is_fine_and_other_programs_are_ignored() =>
        RuleVerifier.Verify<COPT2038DnfAssumeYes>(
            "FROM fedora:40\nRUN dnf install -y httpd-2.4.24 && dnf clean all\nRUN notdnf install httpd\n"
            + "RUN dnf --assumeyes install git && dnf -qy install jq\nONBUILD RUN dnf install -y httpd-2.4.24 && dnf clean all\nONBUILD RUN notdnf install httpd\n");

    [TestMethod]
    public void Dnf5_and_every_install_form_are_checked_and_microdnf_outside_hadolint_mode_is_not()
    {
        var findings = RuleVerifier.Verify<COPT2038DnfAssumeYes>(
            "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install tar && [|dnf5|] install git && [|dnf|] groupinstall 'Development Tools'\n"
            + "RUN [|dnf|] localinstall ./x.rpm && [|dnf|] module install nodejs:18 && [|dnf|] group install 'Development Tools'\n"
            + "RUN dnf search install && dnf update && dnf remove vim\n");
        StringAssert.StartsWith(findings[0].Message, "Add -y to dnf5 install");
    }

    [TestMethod]
    public void Option_values_wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2038DnfAssumeYes>(
            "FROM fedora:40\nRUN sudo -E [|dnf|] --setopt install_weak_deps=False install git\nRUN <<EOF\n[|dnf|] install jq\nEOF\n");

    [TestMethod]
    public void Microdnf_never_asks_so_only_hadolint_mode_reports_it()
    {
        const string text = "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install findutils\n";
        Assert.AreEqual(0, RuleVerifier.Run<COPT2038DnfAssumeYes>(text, options: new ContainerOpt.Analysis.Configuration.AnalysisOptions { Mode = ContainerOpt.Core.Diagnostics.AnalysisMode.Recommended }).Count);
        Assert.AreEqual(1, RuleVerifier.Run<COPT2038DnfAssumeYes>(text, options: new ContainerOpt.Analysis.Configuration.AnalysisOptions { Mode = ContainerOpt.Core.Diagnostics.AnalysisMode.Hadolint }).Count);
    }
}
