using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1106JsonArgsRecommendedTests
{
    [TestMethod]
    public void Shell_form_cmd_is_reported_with_the_exec_form_to_write()
    {
        var findings = RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM scratch\nCMD [|mycommand --port 80|]\n");
        Assert.AreEqual("JSON arguments recommended for CMD to prevent unintended behavior related to OS signals: write CMD [\"mycommand\", \"--port\", \"80\"].", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "JSONArgsRecommended" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Shell_form_entrypoint_with_shell_syntax_gets_a_general_advice()
    {
        var findings = RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM alpine\nentrypoint [|exec app \"$@\"|]\n");
        StringAssert.StartsWith(findings[0].Message, "JSON arguments recommended for entrypoint to prevent");
        StringAssert.Contains(findings[0].Message, "exec form");
    }

    [TestMethod]
    public void A_shell_set_in_the_stage_or_a_base_stage_turns_the_check_off()
    {
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM scratch\nSHELL [\"/usr/bin/customshell\"]\nCMD mycommand\n");
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM scratch AS base\nSHELL [\"/usr/bin/customshell\"]\n\nFROM base\nENTRYPOINT mycommand\n");
    }

    [TestMethod]
    public void A_shell_set_later_or_in_an_unrelated_stage_does_not_count() =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM scratch AS a\nSHELL [\"/bin/bash\", \"-c\"]\nFROM scratch\nCMD [|run|]\nSHELL [\"/bin/bash\", \"-c\"]\n");

    [TestMethod]
    public void Exec_form_run_and_onbuild_are_fine() =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM scratch\nCMD [\"app\"]\nENTRYPOINT [\"/app\", \"--x\"]\nRUN make\nONBUILD CMD app\n");

    [TestMethod]
    public void A_cmd_a_later_cmd_of_the_stage_replaces_never_runs()
    {
        // Without '# escape=`' the backtick does not continue the HEALTHCHECK: its CMD line is a CMD of its own, replaced by the last one.
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM nginx:1.27\nHEALTHCHECK --interval=30s --retries=3 `\n    CMD curl -f http://localhost || exit 1\n\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM alpine\nENTRYPOINT run --old\nENTRYPOINT [\"run\"]\nCMD [|serve|]\n");
    }

    [TestMethod]
    [DataRow("FROM mcr.microsoft.com/windows/servercore:ltsc2019\nWORKDIR /azp\nCOPY start.ps1 .\nCMD powershell .\\start.ps1\n")]
    [DataRow("FROM mcr.microsoft.com/windows/servercore:ltsc2022-amd64\nCOPY start.ps1 .\nCMD powershell .\\start.ps1\n")]
    [DataRow("FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022\nCOPY app/ C:/app/\nENTRYPOINT dotnet C:\\app\\Api.dll\n")]
    [DataRow("# escape=`\nFROM contoso/agent:1.0\nCMD cmd /c start.cmd\n")]
    public void Windows_stages_are_not_checked(string dockerfile) =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>(dockerfile);

    [TestMethod]
    public void A_linux_stage_beside_a_windows_stage_is_still_reported() =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win\nCMD powershell .\\start.ps1\nFROM ubuntu:24.04\nCMD [|/start.sh --serve|]\n");

    [TestMethod]
    public void A_replacing_instruction_in_another_stage_does_not_count() =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM alpine AS base\nCMD [|serve|]\nFROM base\nRUN true\nFROM alpine\nCMD [\"x\"]\n");
}
