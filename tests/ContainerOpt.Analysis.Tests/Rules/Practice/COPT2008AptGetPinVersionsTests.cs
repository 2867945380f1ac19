using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2008AptGetPinVersionsTests
{
    [TestMethod]
    public void Unpinned_packages_of_one_instruction_are_one_finding_naming_them_all()
    {
        var findings = RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends [|curl git=1:2.39.5-0+deb12u2 ca-certificates|]\n");
        Assert.AreEqual("Pin the version of 'curl' and 'ca-certificates' in apt-get install (apt-get install curl=<version>) so rebuilds install the same versions.", findings.Single().Message);
    }

    [TestMethod]
    public void Flags_anywhere_wrappers_and_continuations_are_understood() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN sudo -E apt-get -y install \\\n      [|python3 \\\n    && env DEBIAN_FRONTEND=noninteractive apt-get install -qy -t bookworm-backports jq|]\n");

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

    [TestMethod]
    public void Install_after_update_is_checked_in_run_and_onbuild() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get update && apt-get install [|python|]\nONBUILD RUN apt-get update && apt-get install [|python|]\n");

    [TestMethod]
    public void Pinned_install_with_combined_flags_before_the_subcommand_is_fine() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*\n"
            + "ONBUILD RUN apt-get -y --no-install-recommends install nodejs=0.10\n");

    [TestMethod]
    public void Wildcard_versions_and_epochs_are_pins() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*\n");

    [TestMethod]
    public void Single_pinned_package_and_local_deb_are_fine() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get install -y python=1.2.2\nRUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb\n"
            + "ONBUILD RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb\n");

    [TestMethod]
    public void Target_release_value_is_not_a_package() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:8\nRUN set -e &&\\\n echo \"deb http://http.debian.net/debian jessie-backports main\" > /etc/apt/sources.list.d/jessie-backports.list &&\\\n"
            + " apt-get update &&\\\n apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\\n rm -rf /var/lib/apt/lists/*\n");

    [TestMethod]
    public void Release_selection_with_a_slash_counts_as_pinned_like_hadolint() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get install -y curl/bookworm-backports [|jq|]\n");

    [TestMethod]
    public void Other_apt_get_subcommands_and_apt_are_not_checked() =>
        RuleVerifier.Verify<COPT2008AptGetPinVersions>(
            "FROM debian:12\nRUN apt-get download curl && apt-get source install && apt install curl && apt-get remove -y curl\n");
}
