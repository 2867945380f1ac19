using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2032YumCleanAllTests
{
    [TestMethod]
    public void Install_without_clean_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2032YumCleanAll>("FROM centos:7\nRUN [|yum|] install -y mariadb-10.4\n");
        StringAssert.StartsWith(findings[0].Message, "Run 'yum clean all' after 'yum install' in the same RUN");
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2032YumCleanAll>("FROM centos:7\nONBUILD RUN [|yum|] install -y mariadb-10.4\n");

    [TestMethod]
    public void Clean_all_after_install_is_fine() =>
        RuleVerifier.Verify<COPT2032YumCleanAll>(
            "FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all\nONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n");

    [TestMethod]
    public void No_yum_command_is_fine() =>
        RuleVerifier.Verify<COPT2032YumCleanAll>(
            "FROM centos:7\nRUN bash -c `# not even a yum command`\nONBUILD RUN bash -c `# not even a yum command`\n");

    [TestMethod]
    public void Removing_var_cache_yum_is_fine() =>
        RuleVerifier.Verify<COPT2032YumCleanAll>(
            "FROM centos:7\nRUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\nONBUILD RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_var_cache_yum_is_fine() =>
        RuleVerifier.Verify<COPT2032YumCleanAll>(
            "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y mariadb-10.4\n"
            + "RUN --mount=type=tmpfs,target=/var/cache/yum yum install -y git\n");

    [TestMethod]
    public void A_clean_before_the_install_does_not_count() =>
        RuleVerifier.Verify<COPT2032YumCleanAll>(
            "FROM centos:7\nRUN yum clean all && [|yum|] install -y mariadb-10.4\nRUN yum install -y a && yum clean all && [|yum|] install -y b\n");
}
