using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>Exact before/after of the fixers that join RUNs and move an index update into its install.</summary>
[TestClass]
public sealed class RunLayoutFixerTests
{
    // ---- COPT3006 / COPT2059: consecutive RUNs joined.

    [TestMethod]
    public void Consecutive_runs_are_joined_each_keeping_its_lines() =>
        FixVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y \\\n      curl \\\n      wget\nRUN apt-get clean\nCMD [\"curl\"]\n",
            "FROM debian:12\nRUN apt-get update && \\\n      apt-get install -y \\\n      curl \\\n      wget && \\\n      apt-get clean\nCMD [\"curl\"]\n");

    [TestMethod]
    public void Leading_operator_style_comments_kept_blank_lines_dropped() =>
        FixVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl\n\n# and the other one\nRUN apt-get install -y wget\n",
            "FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl \\\n# and the other one\n  && apt-get install -y wget\n");

    [TestMethod]
    public void Crlf_and_the_backtick_escape_stay() =>
        FixVerifier.Verify<COPT2059ConsecutiveRun>(
            "# escape=`\r\nFROM debian:12\r\nRUN mkdir /a\r\nRUN mkdir /b\r\n",
            "# escape=`\r\nFROM debian:12\r\nRUN mkdir /a && `\r\n    mkdir /b\r\n");

    [TestMethod]
    public void Three_single_command_runs_become_one_in_one_pass()
    {
        var result = FixVerifier.Verify<COPT2059ConsecutiveRun>(
            "FROM alpine:3.20\nRUN mkdir /a\nRUN mkdir /b\nRUN mkdir /c\n",
            "FROM alpine:3.20\nRUN mkdir /a && \\\n    mkdir /b && \\\n    mkdir /c\n");
        CollectionAssert.AreEqual(new[] { "COPT2059@3 pass 1", "COPT2059@4 pass 1" }, result.Fixed.Select(f => $"{f.Code}@{f.Line} pass {f.Pass}").ToArray());
    }

    [TestMethod]
    public void Runs_that_cannot_be_one_script_are_left()
    {
        // The later RUN's ';' would run its second command after a failed first RUN.
        FixVerifier.Unchanged<COPT3006ConsecutiveRunSameKind>("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl; apt-get clean\nCMD [\"x\"]\n");
        // A pragma between them applies to the next instruction.
        FixVerifier.Unchanged<COPT2059ConsecutiveRun>("FROM alpine:3.20\nRUN mkdir /a\n# hadolint ignore=DL3003\nRUN mkdir /b\n");
        // A trailing comment would swallow the '&& \'.
        FixVerifier.Unchanged<COPT2059ConsecutiveRun>("FROM alpine:3.20\nRUN mkdir /a # first\nRUN mkdir /b\n");
        // A heredoc.
        FixVerifier.Unchanged<COPT2059ConsecutiveRun>("FROM alpine:3.20\nRUN <<EOF\nmkdir /a\nEOF\nRUN mkdir /b\n");
    }

    // ---- COPT3005: the lone update moved into the install.

    [TestMethod]
    public void A_lone_update_moves_into_the_install_that_follows() =>
        FixVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM debian:12\n# refresh the lists\nRUN apt-get update -qq\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get install -y \\\n    curl\n",
            "FROM debian:12\n# refresh the lists\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update -qq && apt-get install -y \\\n    curl\n");

    [TestMethod]
    public void Crlf_stays_when_the_update_moves() =>
        FixVerifier.Verify<COPT3005AptUpdateAlone>(
            "FROM alpine:3.20\r\nRUN apk update\r\nRUN apk add curl\r\n",
            "FROM alpine:3.20\r\nRUN apk update && apk add curl\r\n");

    [TestMethod]
    public void A_lone_update_stays_when_moving_it_would_change_what_it_sees()
    {
        FixVerifier.Unchanged<COPT3005AptUpdateAlone>("FROM debian:12\nRUN apt-get update\nCOPY sources.list /etc/apt/\nRUN apt-get install -y curl\n");
        FixVerifier.Unchanged<COPT3005AptUpdateAlone>("FROM debian:12\nRUN apt-get update\nRUN --network=none apt-get install -y curl\n");
        FixVerifier.Unchanged<COPT3005AptUpdateAlone>("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl || true\n");
    }
}
