using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2041DnfPinVersionsTests
{
    [TestMethod]
    public void Unpinned_package_is_reported_for_dnf_and_microdnf()
    {
        var findings = RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:40\nRUN dnf install -y [|tomcat|] && dnf clean all\nRUN microdnf install -y [|tomcat|] && microdnf clean all\n"
            + "ONBUILD RUN dnf install -y [|tomcat|] && dnf clean all\n");
        Assert.AreEqual("Pin the version of 'tomcat' in dnf install (dnf install -y tomcat-<version>) so rebuilds install the same versions.", findings[0].Message);
        StringAssert.Contains(findings[1].Message, "in microdnf install (microdnf install -y tomcat-<version>)");
    }

    [TestMethod]
    public void A_dash_alone_is_not_a_version() =>
        RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:40\nRUN dnf install -y [|rpm-sign|] && dnf clean all\nRUN microdnf install -y [|rpm-sign|] && microdnf clean all\n"
            + "ONBUILD RUN dnf install -y [|rpm-sign|] && dnf clean all\n");

    [TestMethod]
    public void Name_dash_version_is_a_pin() =>
        RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:40\nRUN dnf install -y tomcat-9.0.1 && dnf clean all\nRUN microdnf install -y tomcat-9.0.1 && microdnf clean all\n"
            + "RUN dnf install -y rpm-sign-4.16.1.3 && microdnf install -y rpm-sign-4.16.1.3\n"
            + "RUN dnf install -y gcc-c++-1.1.1 && microdnf install -y gcc-c++-1.1.1\n"
            + "RUN dnf install -y openssl-1:1.1.1k && microdnf install -y openssl-1:1.1.1k\n"
            + "RUN dnf install -y bash-5.2.26-3.fc40.x86_64 ./local.rpm\n"
            + "ONBUILD RUN microdnf install -y tomcat-9.0.1 && microdnf clean all\n");

    [TestMethod]
    public void Other_programs_are_not_checked() =>
        RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:40\nRUN notdnf install openssl-1:1.1.1k\nRUN notdnf install tomcat\nRUN notdnf module install tomcat\n"
            + "ONBUILD RUN notdnf install tomcat\n");

    [TestMethod]
    public void Modules_need_a_stream()
    {
        var findings = RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:40\nRUN dnf module install -y [|tomcat|] && dnf clean all\nRUN microdnf module install -y [|tomcat|] && microdnf clean all\n"
            + "RUN dnf module install -y tomcat:9 && microdnf module install -y tomcat:9\nONBUILD RUN dnf module install -y [|tomcat|] && dnf clean all\n");
        StringAssert.Contains(findings[0].Message, "(dnf module install -y tomcat:<stream>)");
    }

    [TestMethod]
    public void Versions_in_variables_are_pins() =>
        RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:40\nRUN dnf install -y \"git-core-${GIT_VER}\" && dnf clean all\nRUN dnf install -y \"rpm-sign-${VERSION}\" && dnf clean all\n"
            + "RUN dnf install -y tomcat-$VERSION && dnf clean all\nRUN microdnf install -y \"git-core-${GIT_VER}\" && microdnf clean all\n"
            + "ONBUILD RUN dnf install -y \"git-core-${GIT_VER}\" && dnf clean all\n");

    [TestMethod]
    public void Groups_option_values_and_dnf5_are_understood() =>
        RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:41\nRUN dnf group install -y 'Development Tools' && dnf groupinstall -y Dev && dnf search install\n"
            + "RUN microdnf install -y --setopt install_weak_deps=0 --nodocs [|shadow-utils tar-1.34 && dnf5 install -y git|]\n"
            + "RUN <<EOF\nsudo dnf -y install [|jq|]\nEOF\n");

    [TestMethod]
    public void Odd_words_do_not_break_the_rule() =>
        RuleVerifier.Verify<COPT2041DnfPinVersions>(
            "FROM fedora:40\nRUN dnf install -y [|\"\" - pkg-|] && dnf install && dnf && dnf module install -y\n");
}
