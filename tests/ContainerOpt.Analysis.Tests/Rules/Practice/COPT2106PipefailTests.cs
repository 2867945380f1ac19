using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2106PipefailTests
{
    private const string Pipe = "wget -O - https://some.site [|||] wc -l file > /number";
    private const string CleanPipe = "wget -O - https://some.site | wc -l file > /number";

    [TestMethod]
    public void A_pipe_under_the_default_shell_is_reported_at_the_bar()
    {
        var findings = RuleVerifier.Verify<COPT2106Pipefail>("FROM scratch\nRUN wget -O - https://some.site [|||] wc -l > /number\n");
        StringAssert.StartsWith(findings[0].Message, "Set pipefail before this pipe");
        CollectionAssert.AreEqual(new[] { "DL4006" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Commands_without_pipes_are_fine() =>
        RuleVerifier.Verify<COPT2106Pipefail>("FROM scratch AS build\nRUN wget -O - https://some.site && wc -l file > /number || true\n");

    [TestMethod]
    [DataRow("[\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]")]
    [DataRow("[\"/bin/bash\", \"-e\", \"-o\", \"pipefail\", \"-c\"]")]
    [DataRow("[\"/bin/bash\", \"-o\", \"errexit\", \"-o\", \"pipefail\", \"-c\"]")]
    [DataRow("[\"/bin/zsh\", \"-o\", \"pipefail\", \"-c\"]")]
    [DataRow("[\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]")]
    [DataRow("[\"bash\", \"-euxo\", \"pipefail\", \"-c\"]")]
    public void A_shell_with_pipefail_is_fine(string shell) =>
        RuleVerifier.Verify<COPT2106Pipefail>($"FROM scratch AS build\nSHELL {shell}\nRUN {CleanPipe}\n");

    [TestMethod]
    [DataRow("[\"pwsh\", \"-c\"]")]
    [DataRow("[ \"pwsh\", \"-c\" ]")]
    [DataRow("[ \"powershell.exe\" ]")]
    [DataRow("[ \"cmd.exe\", \"/c\" ]")]
    public void Non_posix_shells_are_skipped(string shell) =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            $"FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL {shell}\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n");

    [TestMethod]
    public void Plain_sh_with_pipefail_does_not_count() =>
        RuleVerifier.Verify<COPT2106Pipefail>($"FROM scratch AS build\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN {Pipe}\n");

    [TestMethod]
    public void The_next_stage_starts_without_pipefail() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            $"FROM scratch AS build\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN {CleanPipe}\nFROM scratch AS build2\nRUN {Pipe}\n");

    /// <summary>A stage built on another takes its SHELL (the builders keep it in the image's configuration): ShellInheritanceEngineTests proves it on the engine.</summary>
    [TestMethod]
    public void A_stage_built_on_a_stage_with_pipefail_has_it_too() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            $"FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base AS app\nRUN {CleanPipe}\nFROM app\nRUN {CleanPipe}\n");

    [TestMethod]
    public void A_stage_built_on_a_stage_without_pipefail_is_reported() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            $"FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nRUN {Pipe}\n");

    [TestMethod]
    public void A_later_shell_without_pipefail_turns_it_off() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            $"FROM scratch AS build\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN {CleanPipe}\nSHELL [\"/bin/sh\", \"-c\"]\nRUN {Pipe}\n");

    [TestMethod]
    [DataRow("set -o pipefail &&")]
    [DataRow("set -euo pipefail;")]
    [DataRow("set -eux -o pipefail &&")]
    public void Set_o_pipefail_earlier_in_the_script_is_fine(string set) =>
        RuleVerifier.Verify<COPT2106Pipefail>($"FROM alpine:3.20\nRUN {set} {CleanPipe}\nONBUILD RUN {set} {CleanPipe}\n");

    [TestMethod]
    public void Set_o_pipefail_after_the_pipe_or_turned_off_does_not_count() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            $"FROM alpine:3.20\nRUN {Pipe} && set -o pipefail\nRUN set -o pipefail && set +o pipefail && {Pipe}\n");

    [TestMethod]
    public void Onbuild_run_is_checked_once_per_run_with_or_and_pipe_and_pipe_amp() =>
        RuleVerifier.Verify<COPT2106Pipefail>("FROM debian:12\nONBUILD RUN a || b [||&|] c | d\n");

    [TestMethod]
    public void A_pipe_inside_bash_c_follows_that_shell_options() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            "FROM debian:12\nRUN bash -o pipefail -c \"curl -fsSL https://x | sh\"\nRUN bash -c [|\"curl -fsSL https://x | sh\"|]\n"
            + "RUN bash -c \"set -o pipefail; curl -fsSL https://x | sh\"\n");

    [TestMethod]
    public void A_shell_pipefail_does_not_reach_into_sh_c_but_reaches_command_substitutions() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN sh -c [|'curl https://x | sh'|]\nRUN v=$(curl -s https://x | sha256sum) && echo $v\n");

    [TestMethod]
    public void Exec_form_runs_no_shell_instruction() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN [\"/bin/sh\", \"-c\", [|\"curl -s x | sh\"|]]\n"
            + "RUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"curl -s x | sh\"]\n");

    [TestMethod]
    public void Heredoc_bodies_follow_the_shell_that_runs_them() =>
        RuleVerifier.Verify<COPT2106Pipefail>(
            "FROM debian:12\nRUN <<EOF\nset -o pipefail\ncurl -s x | sh\nEOF\n"
            + "RUN <<EOF\ncurl -s x [|||] sh\nEOF\n"
            + "RUN bash -o pipefail <<EOF\ncurl -s x | sh\nEOF\n"
            + "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN <<EOF\ncurl -s x | sh\nEOF\n"
            + "RUN bash <<EOF\ncurl -s x [|||] sh\nEOF\n");

    [TestMethod]
    public void A_pipe_into_a_loop_is_reported_at_what_is_piped() =>
        RuleVerifier.Verify<COPT2106Pipefail>("FROM debian:12\nRUN [|ls|] | for f in a b; do echo $f; done\n");

    [TestMethod]
    public void A_pipe_from_echo_loses_nothing_outside_hadolint_mode()
    {
        const string text = "FROM debian:12\nRUN echo \"$SUM *f.tar\" | sha256sum -c -\nRUN printf '%s' x | tee /y\nRUN echo \"$(curl -s x)\" | sh\n";
        Assert.AreEqual(1, RuleVerifier.Run<COPT2106Pipefail>(text, options: new AnalysisOptions { Mode = AnalysisMode.All }).Count, "only the echo of a command substitution can hide a failure");
        Assert.AreEqual(3, RuleVerifier.Run<COPT2106Pipefail>(text, options: new AnalysisOptions { Mode = AnalysisMode.Hadolint }).Count, "hadolint reports every pipe");
    }

    [TestMethod]
    public void Busybox_sh_with_pipefail_is_fine_and_mksh_without_it_is_reported()
    {
        // busybox sh is BusyBox's ash, which has pipefail (was reported); mksh -c was not parsed, so its pipe went unseen.
        var findings = RuleVerifier.Verify<COPT2106Pipefail>(
            $"FROM alpine:3.20\nRUN busybox sh -o pipefail -c \"{CleanPipe}\"\nRUN mksh -o pipefail -c \"{CleanPipe}\"\nRUN mksh -c [|\"{CleanPipe}\"|]\n");
        CollectionAssert.AreEqual(new[] { "COPT2106 4:13" },
            findings.Select(f => $"{f.Code} {f.Location.Start.Line}:{f.Location.Start.Column}").ToArray());
    }
}
