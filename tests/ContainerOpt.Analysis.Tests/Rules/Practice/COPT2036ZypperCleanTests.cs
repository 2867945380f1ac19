using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2036ZypperCleanTests
{
    [TestMethod]
    public void Install_without_clean_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2036ZypperClean>("FROM opensuse/leap:15.6\nRUN [|zypper|] install -y mariadb=10.4\n");
        StringAssert.StartsWith(findings[0].Message, "Run 'zypper clean' after 'zypper install'");
    }

    [TestMethod]
    public void Onbuild_and_short_in_are_checked() =>
        RuleVerifier.Verify<COPT2036ZypperClean>("FROM opensuse/leap:15.6\nONBUILD RUN [|zypper|] install -y mariadb=10.4\nRUN [|zypper|] -n in curl\n");

    [TestMethod]
    public void Clean_or_cc_after_install_is_fine() =>
        RuleVerifier.Verify<COPT2036ZypperClean>(
            "FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4 && zypper clean\nRUN zypper install -y mariadb=10.4 && zypper cc\n"
            + "ONBUILD RUN zypper install -y mariadb=10.4 && zypper clean\nONBUILD RUN zypper install -y mariadb=10.4 && zypper cc\n");

    [TestMethod]
    public void A_clean_before_the_install_does_not_count() =>
        RuleVerifier.Verify<COPT2036ZypperClean>("FROM opensuse/leap:15.6\nRUN zypper clean && [|zypper|] install -y curl\n");

    [TestMethod]
    public void Removing_or_mounting_the_cache_is_fine() =>
        RuleVerifier.Verify<COPT2036ZypperClean>(
            "FROM opensuse/leap:15.6\nRUN zypper install -y curl && rm -rf /var/cache/zypp/*\n"
            + "RUN --mount=type=cache,target=/var/cache/zypp zypper install -y git\n");

    [TestMethod]
    public void Other_zypper_commands_are_fine() =>
        RuleVerifier.Verify<COPT2036ZypperClean>("FROM opensuse/leap:15.6\nRUN zypper refresh && zypper search curl\n");
}
