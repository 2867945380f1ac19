using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3005AptUpdateAloneTests
{
    [TestMethod]
    public void An_update_in_its_own_RUN_is_reported_with_the_install_line()
    {
        var findings = RuleVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM debian:12\nRUN [|apt-get update -qq|]\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get install -y curl\n");
        Assert.AreEqual(
            "'apt-get update' runs without an install in the same RUN (the install is on line 4): its layer is cached on its own, so installs in later RUNs get a stale package index. Update and install in one RUN: 'apt-get update && apt-get install -y ... && rm -rf /var/lib/apt/lists/*'.",
            findings[0].Message);
    }

    [TestMethod]
    public void Many_lone_updates_each_name_their_own_later_install()
    {
        // Past the first few lone updates of a file the installs are looked up in an index: both ways give the same lines.
        // Stage one: an update, an install, then updates with an install of another manager between them; stage two: more.
        var text = new System.Text.StringBuilder("FROM debian:12\n");
        for (int i = 0; i < 3; i++)
        {
            text.Append("RUN [|apt-get update|]\nRUN apk add curl\nRUN apt-get install -y curl\n");
        }
        text.Append("RUN [|apt-get update|]\n\nFROM debian:12\n");
        for (int i = 0; i < 3; i++)
        {
            text.Append("RUN [|apt-get update|]\nRUN apt-get install -y curl\n");
        }
        var findings = RuleVerifier.Verify<COPT3005AptUpdateAlone>(text.ToString());
        string[] installs = { " (the install is on line 4)", " (the install is on line 7)", " (the install is on line 10)", "",
            " (the install is on line 15)", " (the install is on line 17)", " (the install is on line 19)" };
        Assert.AreEqual(installs.Length, findings.Count);
        for (int i = 0; i < installs.Length; i++)
        {
            StringAssert.StartsWith(findings[i].Message, "'apt-get update' runs without an install in the same RUN" + installs[i] + ": ");
        }
    }

    [TestMethod]
    public void Update_and_install_in_one_RUN_is_right() =>
        RuleVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt update && apt full-upgrade -y\n" +
            "RUN <<EOF\napt-get update\nxargs apt-get install -y < packages.txt\nEOF\n");

    [TestMethod]
    public void Every_manager_with_an_index_is_checked()
    {
        var findings = RuleVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM alpine:3.20\nRUN [|apk update|]\nRUN apk add curl\nRUN [|yum makecache|]\nRUN [|dnf -y makecache|]\nRUN [|zypper --non-interactive refresh|]\n");
        StringAssert.EndsWith(findings[0].Message, "Update and install in one RUN: 'apk add --no-cache ...' (it fetches a fresh index and needs no 'apk update').");
        StringAssert.EndsWith(findings[2].Message, "Update and install in one RUN: 'dnf install -y ... && dnf clean all'.");
    }

    [TestMethod]
    public void An_install_with_another_manager_does_not_count() =>
        RuleVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM python:3.12\nRUN [|apt-get update|] && pip install flask\n");

    [TestMethod]
    public void A_script_after_the_update_may_install() =>
        RuleVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM debian:12\nRUN apt-get update && ./install-deps.sh\nRUN apt-get update && curl -fsSL https://example.com/setup | bash -\n");

    [TestMethod]
    public void Add_apt_repository_is_not_an_update_alone() =>
        RuleVerifier.Verify<COPT3005AptUpdateAlone>("FROM ubuntu:24.04\nRUN add-apt-repository -y ppa:deadsnakes/ppa\n");

    [TestMethod]
    public void Onbuild_exec_form_and_build_stages_are_checked()
    {
        var findings = RuleVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM debian:12 AS build\nRUN [[|\"apt-get\", \"update\"|]]\nFROM debian:12\nONBUILD RUN [|apt-get update|]\n");
        StringAssert.StartsWith(findings[1].Message, "'apt-get update' runs without an install in the same RUN: its layer");
    }
}
