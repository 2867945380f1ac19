using ContainerOpt.Analysis.ShellCheck;
using static ContainerOpt.Analysis.Tests.ShellCheck.ShellCheckRun;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>Each script is checked for the shell that runs it: the SHELL in force, a body's #! line, the shell an exec form names.</summary>
[TestClass]
public sealed class ShellCheckDialectTests
{
    private const string Bashisms = "[[ -n \"$HOSTNAME\" ]] && echo \"${HOSTNAME//a/b}\"";

    [TestMethod]
    public void The_default_shell_is_posix_sh_where_bashisms_are_reported()
    {
        string dockerfile = "FROM debian:12\nRUN " + Bashisms + "\n";
        Same(new[] { "SC3010 " + At(dockerfile, "[[ -n \"$HOSTNAME\" ]]"), "SC3060 " + At(dockerfile, "${HOSTNAME//a/b}") },
            Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void A_bash_SHELL_makes_the_same_script_clean_until_the_next_stage()
    {
        string dockerfile = "FROM debian:12 AS one\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN " + Bashisms + "\nFROM debian:12\nRUN " + Bashisms + "\n";
        Same(new[] { "SC3010 " + At(dockerfile, "[[ -n \"$HOSTNAME\" ]]", 2), "SC3060 " + At(dockerfile, "${HOSTNAME//a/b}", 2) },
            Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void Ash_is_busyboxs_shell_or_dash_for_an_older_shellcheck()
    {
        string dockerfile = "FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN echo -e hi\n";
        var tool = Tool();
        var findings = Describe(Analyze(dockerfile));
        if (tool.Version >= ShellCheckTool.BusyboxVersion)
        {
            // BusyBox's echo takes -e.
            Assert.AreEqual(0, findings.Length, string.Join(", ", findings));
        }
        else
        {
            // Checked as dash, as hadolint's #!/bin/ash does, without hadolint's SC2187 notice (excluded there).
            Same(new[] { "SC3036 " + At(dockerfile, "-e hi", length: 2) }, findings);
        }
    }

    [TestMethod]
    public void PowerShell_cmd_zsh_and_a_Windows_image_are_not_checked()
    {
        foreach (var dockerfile in new[]
        {
            "FROM mcr.microsoft.com/powershell\nSHELL [\"pwsh\", \"-Command\"]\nRUN echo $foo\n",
            "FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022\nRUN echo %foo% $foo\n",
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN echo $foo\n",
            "FROM debian:12\nSHELL [\"/bin/zsh\", \"-c\"]\nRUN echo $foo\n",
            "FROM debian:12\n# hadolint shell=powershell\nRUN echo $foo\n",
            "# hadolint shell=pwsh\nFROM debian:12\nRUN echo $foo\n",
        })
        {
            Assert.AreEqual(0, Describe(Analyze(dockerfile)).Length, dockerfile);
        }
    }

    [TestMethod]
    public void A_posix_SHELL_on_a_Windows_image_is_checked()
    {
        const string dockerfile = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"bash\", \"-c\"]\nRUN echo $foo\n";
        Assert.AreEqual(2, Describe(Analyze(dockerfile)).Length);
    }

    [TestMethod]
    public void A_heredoc_body_with_its_own_shebang_is_checked_for_that_shell()
    {
        const string bash = "FROM debian:12\nRUN <<EOF\n#!/usr/bin/env bash\n[[ -n \"$HOSTNAME\" ]] && echo $1\nEOF\n";
        Same(new[] { "SC2086 " + At(bash, "$1") }, Describe(Analyze(bash)));

        const string python = "FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint($1)\nEOF\n";
        Assert.AreEqual(0, Describe(Analyze(python)).Length);

        // BuildKit runs a body with a #! line as a program, whatever the SHELL.
        const string underPwsh = "FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN <<EOF\n#!/bin/sh\necho $1\nEOF\n";
        Same(new[] { "SC2086 " + At(underPwsh, "$1") }, Describe(Analyze(underPwsh)));
    }

    [TestMethod]
    public void An_exec_form_shell_is_its_own_dialect_whatever_the_SHELL()
    {
        const string dockerfile = "FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN [\"/bin/bash\", \"-c\", \"[[ -n $HOSTNAME ]] && echo $1\"]\n";
        Same(new[] { "SC2086 " + At(dockerfile, "$1") }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void Onbuild_runs_with_the_stages_last_SHELL()
    {
        // The trigger runs in the image built on this one, whose SHELL is this stage's last.
        string dockerfile = "FROM debian:12\nONBUILD RUN " + Bashisms + "\nSHELL [\"/bin/bash\", \"-c\"]\n";
        Assert.AreEqual(0, Describe(Analyze(dockerfile)).Length, string.Join(", ", Describe(Analyze(dockerfile))));
    }

    [TestMethod]
    public void Program_names_map_to_dialects()
    {
        Assert.AreEqual(ShellCheckDialect.Sh, ShellCheckDialects.Of(new[] { "/bin/sh", "-c" }));
        Assert.AreEqual(ShellCheckDialect.Bash, ShellCheckDialects.Of(new[] { "/usr/bin/env", "-i", "PATH=/bin", "bash" }));
        Assert.AreEqual(ShellCheckDialect.Busybox, ShellCheckDialects.Of(new[] { "/bin/busybox", "sh", "-c" }));
        Assert.AreEqual(ShellCheckDialect.Ksh, ShellCheckDialects.Of(new[] { "mksh" }));
        Assert.AreEqual(ShellCheckDialect.Dash, ShellCheckDialects.Of(new[] { "C:\\tools\\dash.exe" }));
        Assert.IsNull(ShellCheckDialects.Of(new[] { "powershell", "-Command" }));
        Assert.IsNull(ShellCheckDialects.Of(new[] { "/bin/zsh" }));
        Assert.AreEqual("dash", ShellCheckDialect.Busybox.DirectiveName(new Version(0, 9, 0)));
        Assert.AreEqual("busybox", ShellCheckDialect.Busybox.DirectiveName(new Version(0, 10, 0)));
    }
}
