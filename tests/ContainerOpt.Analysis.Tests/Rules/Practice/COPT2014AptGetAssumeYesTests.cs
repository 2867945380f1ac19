using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2014AptGetAssumeYesTests
{
    [TestMethod]
    public void Install_without_yes_is_reported_at_apt_get()
    {
        var findings = RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN [|apt-get|] install python\nONBUILD RUN [|apt-get|] install python\n");
        Assert.AreEqual("Add -y to apt-get install so it does not stop to ask for confirmation (apt-get install -y <package>).", findings[0].Message);
    }

    [TestMethod]
    public void Yes_in_every_spelling_and_position_is_fine() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN apt-get install -yq python\nRUN apt-get install -y python\nRUN apt-get -y install python\n"
            + "RUN apt-get --yes install python\nRUN apt-get --assume-yes install python\nONBUILD RUN apt-get install -yq python\n");

    [TestMethod]
    public void Quiet_level_two_implies_yes() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN apt-get install -qq python && apt-get -q -q install curl\nRUN apt-get --quiet --quiet install jq && apt-get -q=2 install git\n"
            + "RUN apt-get -o APT::Get::Assume-Yes=true install vim\n");

    [TestMethod]
    public void A_single_quiet_is_not_yes() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN [|apt-get|] install -q python && [|apt-get|] --quiet install curl\nRUN [|apt-get|] -o Acquire::Retries=3 -q install jq\n");

    [TestMethod]
    public void Each_command_without_yes_is_reported() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN apt-get update && [|apt-get|] install curl && apt-get install -y git && sudo -E [|apt-get|] --no-install-recommends install jq\n");

    [TestMethod]
    public void Other_subcommands_and_other_programs_are_not_checked() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN apt-get update && apt-get upgrade && apt-get remove curl && apt install curl && apt-cache show install\n");

    [TestMethod]
    public void Heredoc_bodies_are_checked() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN <<EOF\napt-get update\n[|apt-get|] install curl\nEOF\n");

    [TestMethod]
    public void Exec_form_and_sh_c_are_checked() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN [[|\"apt-get\"|], \"install\", \"curl\"]\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\nRUN sh -c [|\"apt-get install curl\"|]\n");

    [TestMethod]
    public void PowerShell_shell_is_not_posix() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"pwsh\", \"-Command\"]\nRUN apt-get install curl\n");

    // The shell names' one home (ShellFacts): the parser did not know mksh, the heredoc reader did not know busybox sh,
    // and a #! line through env -S was taken for a foreign interpreter. Each hid an apt-get without -y.
    [TestMethod]
    public void The_script_of_mksh_c_is_checked() =>
        RuleVerifier.Verify<COPT2014AptGetAssumeYes>("FROM debian:12\nRUN mksh -c [|\"apt-get install curl\"|]\n");

    [TestMethod]
    public void A_heredoc_fed_to_busybox_sh_or_run_by_env_s_bash_is_checked()
    {
        var findings = RuleVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN busybox sh <<EOF\n[|apt-get|] install curl\nEOF\nRUN <<EOF\n#!/usr/bin/env -S bash -e\n[|apt-get|] install git\nEOF\n"
            + "RUN busybox wget -O /x <<EOF\napt-get install curl\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\napt-get install curl\nEOF\n");
        CollectionAssert.AreEqual(new[] { "COPT2014 3:1", "COPT2014 7:1" },
            findings.Select(f => $"{f.Code} {f.Location.Start.Line}:{f.Location.Start.Column}").ToArray());
    }
}
