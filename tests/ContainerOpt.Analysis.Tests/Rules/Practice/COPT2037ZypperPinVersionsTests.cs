using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2037ZypperPinVersionsTests
{
    [TestMethod]
    public void Unpinned_package_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2037ZypperPinVersions>(
            "FROM opensuse/leap:15.6\nRUN zypper install -y [|tomcat|] && zypper clean\nONBUILD RUN zypper install -y [|tomcat|] && zypper clean\n");
        Assert.AreEqual("Pin the version of 'tomcat' in zypper install (zypper install -y tomcat=<version>) so rebuilds install the same versions.", findings[0].Message);
    }

    [TestMethod]
    public void Every_version_relation_and_rpm_files_are_pins() =>
        RuleVerifier.Verify<COPT2037ZypperPinVersions>(
            "FROM opensuse/leap:15.6\n"
            + "RUN zypper install -y tomcat=9.0.39 && zypper clean\n"
            + "RUN zypper install -y tomcat\\>=9.0 && zypper clean\n"
            + "RUN zypper install -y tomcat\\>9.0 && zypper clean\n"
            + "RUN zypper install -y tomcat\\<=9.0 && zypper clean\n"
            + "RUN zypper install -y tomcat\\<9.0 && zypper clean\n"
            + "RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean\n"
            + "RUN zypper in -y 'tomcat>=9.0'\n"
            + "ONBUILD RUN zypper install -y tomcat=9.0.39 && zypper clean\n"
            + "ONBUILD RUN zypper install -y tomcat\\<9.0 && zypper clean\n");

    [TestMethod]
    public void In_alias_global_options_and_option_values_are_understood() =>
        RuleVerifier.Verify<COPT2037ZypperPinVersions>(
            "FROM opensuse/leap:15.6\nRUN zypper -n --gpg-auto-import-keys in --from myrepo [|curl git=2.43 && zypper -n in -t pattern devel_basis|]\n");

    [TestMethod]
    public void Other_subcommands_wrappers_and_heredocs() =>
        RuleVerifier.Verify<COPT2037ZypperPinVersions>(
            "FROM opensuse/leap:15.6\nRUN zypper -n remove vim && zypper refresh && sudo zypper -n install [|wget|]\nRUN <<EOF\nzypper -n in [|jq|]\nEOF\n");
}
