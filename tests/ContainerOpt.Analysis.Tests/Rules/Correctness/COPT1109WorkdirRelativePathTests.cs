using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1109WorkdirRelativePathTests
{
    [TestMethod]
    public void A_relative_first_workdir_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM scratch\nWORKDIR [|app/|]\n");
        Assert.AreEqual("Relative workdir \"app/\" can have unexpected results if the base image changes: use an absolute path such as '/app/'.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "WorkdirRelativePath" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Relative_workdirs_after_an_absolute_one_are_fine() =>
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM alpine\nWORKDIR /src\nWORKDIR app\n");

    [TestMethod]
    public void A_workdir_in_the_base_stage_counts() =>
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n");

    [TestMethod]
    public void Only_the_first_workdir_of_a_stage_is_reported() =>
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM alpine\nWORKDIR [|./app|]\nWORKDIR sub\nFROM alpine\nWORKDIR /ok\n");

    [TestMethod]
    public void The_path_is_judged_after_variable_expansion()
    {
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM alpine\nARG ROOT=/opt\nWORKDIR $ROOT/app\n");
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM alpine\nARG DIR=app\nWORKDIR [|$DIR|]\n");
    }

    [TestMethod]
    public void Windows_drive_paths_are_absolute_on_a_windows_stage() =>
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("# escape=`\nFROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app\n");

    [TestMethod]
    public void Drive_paths_are_absolute_on_any_stage_and_a_rooted_path_on_windows_ones()
    {
        // An image ContainerOpt does not know as Windows, a drive letter with either slash: no finding.
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM myorg/windows-runner:1\nWORKDIR C:/home/runner\n");
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM myorg/msvc:17\nWORKDIR C:\\io\n");
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR \\app\n");
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM debian:12\nWORKDIR [|app|]\n");
    }

    [TestMethod]
    public void A_path_from_an_undefined_variable_is_left_to_undefined_var()
    {
        // PowerShell's $env:NAME: Docker expands $env (undefined) to nothing and leaves ":STEAMCMD_PATH".
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2019\nENV STEAMCMD_PATH=\"C:\\steamcmd\"\nWORKDIR $env:STEAMCMD_PATH\n");
        RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM alpine\nWORKDIR $NGINX_HOME\n");
    }

    [TestMethod]
    public void A_windows_stage_is_given_a_drive_letter_path()
    {
        var findings = RuleVerifier.Verify<COPT1109WorkdirRelativePath>("FROM mcr.microsoft.com/windows/servercore:ltsc2019\nWORKDIR [|app/bin|]\n");
        Assert.AreEqual("Relative workdir \"app/bin\" can have unexpected results if the base image changes: use an absolute path such as 'C:\\app\\bin'.", findings[0].Message);
    }
}
