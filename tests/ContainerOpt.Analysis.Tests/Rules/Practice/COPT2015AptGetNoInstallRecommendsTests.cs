using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2015AptGetNoInstallRecommendsTests
{
    [TestMethod]
    public void Install_without_no_install_recommends_is_reported_at_apt_get()
    {
        var findings = RuleVerifier.Verify<COPT2015AptGetNoInstallRecommends>(
            "FROM debian:12\nRUN [|apt-get|] install python\nRUN [|apt-get|] -y install python\nONBUILD RUN [|apt-get|] -y install python\n");
        StringAssert.StartsWith(findings[0].Message, "Add --no-install-recommends to apt-get install");
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }

    [TestMethod]
    public void The_flag_anywhere_is_fine() =>
        RuleVerifier.Verify<COPT2015AptGetNoInstallRecommends>(
            "FROM debian:12\nRUN apt-get install --no-install-recommends python\nRUN apt-get --no-install-recommends -y install python\n"
            + "ONBUILD RUN apt-get install --no-install-recommends python\n");

    [TestMethod]
    public void The_apt_option_is_fine() =>
        RuleVerifier.Verify<COPT2015AptGetNoInstallRecommends>(
            "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install python\n"
            + "RUN apt-get --option APT::Install-Recommends=false install python && apt-get -oAPT::Install-Recommends=false install curl\n");

    [TestMethod]
    public void Other_subcommands_are_not_checked_and_each_install_is() =>
        RuleVerifier.Verify<COPT2015AptGetNoInstallRecommends>(
            "FROM debian:12\nRUN apt-get update && apt-get upgrade -y && env DEBIAN_FRONTEND=noninteractive [|apt-get|] install -y curl\n"
            + "RUN <<EOF\n[|apt-get|] install -y git\nEOF\n");
}
