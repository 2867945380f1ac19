using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2030YumAssumeYesTests
{
    [TestMethod]
    public void Install_without_yes_is_reported_at_yum()
    {
        var findings = RuleVerifier.Verify<COPT2030YumAssumeYes>(
            "FROM centos:7\nRUN [|yum|] install httpd-2.4.24 && yum clean all\nONBUILD RUN [|yum|] install httpd-2.4.24 && yum clean all\n");
        Assert.AreEqual("Add -y to yum install so it does not stop to ask for confirmation (yum install -y <package>).", findings[0].Message);
    }

    [TestMethod]
    public void Yes_is_fine_and_non_yum_commands_are_ignored() =>
        RuleVerifier.Verify<COPT2030YumAssumeYes>(
            "FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all\nRUN bash -c `# not even a yum command`\n"
            + "RUN yum --assumeyes install httpd && yum -qy install git\nONBUILD RUN yum install -y httpd-2.4.24 && yum clean all\n"
            + "ONBUILD RUN bash -c `# not even a yum command`\n");

    [TestMethod]
    public void Group_and_local_installs_are_checked_too()
    {
        var findings = RuleVerifier.Verify<COPT2030YumAssumeYes>(
            "FROM centos:7\nRUN [|yum|] groupinstall \"Development Tools\" && [|yum|] localinstall ./x.rpm && yum update\n");
        StringAssert.StartsWith(findings[0].Message, "Add -y to yum groupinstall");
    }

    [TestMethod]
    public void Wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2030YumAssumeYes>(
            "FROM centos:7\nRUN sudo [|yum|] --setopt tsflags=nodocs install httpd\nRUN <<EOF\n[|yum|] install git\nEOF\n");
}
