using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2040DnfCleanAllTests
{
    [TestMethod]
    public void Dnf_and_microdnf_install_without_clean_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT2040DnfCleanAll>(
            "FROM fedora:40\nRUN [|dnf|] install -y mariadb-10.4\nRUN [|microdnf|] install -y mariadb-10.4\n");
        StringAssert.StartsWith(findings[0].Message, "Run 'dnf clean all' after 'dnf install'");
        StringAssert.StartsWith(findings[1].Message, "Run 'microdnf clean all' after 'microdnf install'");
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>(
            "FROM fedora:40\nONBUILD RUN [|dnf|] install -y mariadb-10.4\nONBUILD RUN [|microdnf|] install -y mariadb-10.4\n");

    [TestMethod]
    public void The_clean_must_be_by_the_same_tool() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>(
            "FROM fedora:40\nONBUILD RUN [|dnf|] install -y mariadb-10.4 && microdnf clean all\n");

    [TestMethod]
    public void Clean_all_after_install_is_fine() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>(
            "FROM fedora:40\nRUN dnf install -y mariadb-10.4 && dnf clean all\nRUN microdnf install -y mariadb-10.4 && microdnf clean all\n"
            + "ONBUILD RUN dnf install -y mariadb-10.4 && dnf clean all\nONBUILD RUN microdnf install -y mariadb-10.4 && microdnf clean all\n");

    [TestMethod]
    public void Other_programs_are_fine() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>("FROM fedora:40\nRUN notdnf install mariadb\nONBUILD RUN notdnf install mariadb\n");

    [TestMethod]
    public void Removing_the_cache_is_fine() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>(
            "FROM fedora:40\nRUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\nRUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n"
            + "ONBUILD RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\nONBUILD RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n"
            + "RUN dnf install -y git && rm -rf /var/cache/libdnf5*\nRUN dnf install -y make && rm -rf /var/cache/dnf\n");

    [TestMethod]
    public void A_cache_mount_is_fine() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>(
            "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y git\n"
            + "RUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y make\n");

    [TestMethod]
    public void A_clean_before_the_install_does_not_count() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>("FROM fedora:40\nRUN dnf clean all && [|dnf|] install -y git\n");

    [TestMethod]
    public void Reported_once_per_run_at_the_first_uncleaned_install() =>
        RuleVerifier.Verify<COPT2040DnfCleanAll>("FROM fedora:40\nRUN [|microdnf|] install -y a && dnf install -y b\n");
}
