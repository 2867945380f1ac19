using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2008AptGetPinVersionsTests
{
    [TestMethod]
    public void Unpinned_packages_are_reported_one_by_one()
    {
        var findings = RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends [|curl|] git=1:2.39.5-0+deb12u2 [|ca-certificates|]\n");
        StringAssert.StartsWith(findings[0].Message, "Pin the version of 'curl'");
    }

    [TestMethod]
    public void Flags_anywhere_wrappers_and_continuations_are_understood() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN sudo -E apt-get -y install \\\n      [|python3|] \\\n    && env DEBIAN_FRONTEND=noninteractive apt-get install -qy -t bookworm-backports [|jq|]\n");

    [TestMethod]
    public void Pinned_and_deb_files_are_fine() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 ./local.deb /tmp/x.deb && apt-get update && apt-get upgrade\n");

    [TestMethod]
    public void Heredoc_bodies_and_onbuild_are_checked() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN <<EOF\nset -e\napt-get install -y [|curl|]\nEOF\nONBUILD RUN apt-get install -y [|wget|]\n");

    [TestMethod]
    public void PowerShell_shell_is_not_posix() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"pwsh\", \"-Command\"]\nRUN apt-get install curl\n");

    [TestMethod]
    public void Exec_form_is_checked() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", [|\"curl\"|]]\n");
}
