using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2033YumPinVersionsTests
{
    [TestMethod]
    public void Unpinned_package_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2033YumPinVersions>(
            "FROM centos:7\nRUN yum install -y [|tomcat|] && yum clean all\nONBUILD RUN yum install -y [|tomcat|] && yum clean all\n");
        Assert.AreEqual("Pin the version of 'tomcat' in yum install (yum install -y tomcat-<version>) so rebuilds install the same versions.", findings[0].Message);
    }

    [TestMethod]
    public void Name_dash_version_is_a_pin() =>
        RuleVerifier.Verify<COPT2033YumPinVersions>(
            "FROM centos:7\nRUN yum install -y tomcat-9.2 && yum clean all\nRUN bash -c `# not even a yum command`\n"
            + "RUN yum install -y openssl-1:1.1.1k\nRUN yum install -y rpm-sign-4.16.1.3\nRUN yum install -y gcc-c++-1.1.1\n"
            + "ONBUILD RUN yum install -y tomcat-9.2 && yum clean all\n");

    [TestMethod]
    public void Any_dash_counts_as_pinned_like_hadolint() =>
        RuleVerifier.Verify<COPT2033YumPinVersions>(
            "FROM centos:7\nRUN yum install -y rpm-sign python3-pip ./local.rpm [|git|]\n");

    [TestMethod]
    public void Modules_need_a_stream()
    {
        var findings = RuleVerifier.Verify<COPT2033YumPinVersions>(
            "FROM rockylinux:8\nRUN yum module install -y [|tomcat|] && yum clean all\nRUN yum module install -y tomcat:9 && yum clean all\n"
            + "ONBUILD RUN yum module install -y [|tomcat|] && yum clean all\n");
        StringAssert.Contains(findings[0].Message, "(yum module install -y tomcat:<stream>)");
    }

    [TestMethod]
    public void Versions_in_variables_are_pins() =>
        RuleVerifier.Verify<COPT2033YumPinVersions>(
            "FROM centos:7\nRUN yum install -y \"git-core-${GIT_VER}\" && yum clean all\nRUN yum install -y \"which-${WHICH_VERSION}\" && yum clean all\n"
            + "RUN yum install -y \"rpm-sign-${VERSION}\" && yum clean all\nRUN yum install -y tomcat-$VERSION && yum clean all\n"
            + "ONBUILD RUN yum install -y \"git-core-${GIT_VER}\" && yum clean all\n");

    [TestMethod]
    public void Groups_option_values_and_other_subcommands_are_not_packages() =>
        RuleVerifier.Verify<COPT2033YumPinVersions>(
            "FROM centos:7\nRUN yum group install -y \"Development Tools\" && yum --enablerepo extras install -y epel-release\n"
            + "RUN yum --setopt tsflags=nodocs install -y [|httpd|] && yum remove -y vim && yum update -y\n");

    [TestMethod]
    public void Wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2033YumPinVersions>(
            "FROM centos:7\nRUN sudo -E yum -y install [|wget|]\nRUN <<EOF\nyum install -y [|curl|]\nEOF\n");
}
