using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2035ZypperNoDistUpgradeTests
{
    [TestMethod]
    public void Dist_upgrade_and_dup_are_reported_at_the_subcommand()
    {
        var findings = RuleVerifier.Verify<COPT2035ZypperNoDistUpgrade>(
            "FROM opensuse/tumbleweed\nRUN zypper [|dist-upgrade|]\nRUN zypper [|dup|]\nONBUILD RUN zypper [|dist-upgrade|]\nONBUILD RUN zypper [|dup|]\n");
        Assert.AreEqual("Do not run zypper dist-upgrade in an image build: use a newer base image, or install the pinned packages you need.", findings[0].Message);
    }

    [TestMethod]
    public void Options_wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2035ZypperNoDistUpgrade>(
            "FROM opensuse/tumbleweed\nRUN sudo zypper -n [|dup|] --no-recommends\nRUN <<EOF\nzypper --non-interactive [|dist-upgrade|] -y\nEOF\n");

    [TestMethod]
    public void Update_patch_and_other_programs_are_fine() =>
        RuleVerifier.Verify<COPT2035ZypperNoDistUpgrade>(
            "FROM opensuse/leap:15.6\nRUN zypper -n update && zypper -n patch && echo dup && zypper -n install --from dup curl=8.0\n");
}
