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
    public void A_command_that_needs_the_shell_is_offered_exec_in_shell_form_or_sh_c()
    {
        var findings = RuleVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCMD [|dotnet app.dll --port $PORT|]\nFROM alpine\nENTRYPOINT [|cd /app && ./serve \"$MODE\"|]\n");
        Assert.AreEqual(
            "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals: write CMD exec dotnet app.dll --port $PORT "
            + "(the shell expands it, then exec hands the process and its signals to the command), or CMD [\"sh\", \"-c\", \"exec dotnet app.dll --port $PORT\"].",
            findings[0].Message);
        Assert.AreEqual(
            "JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals: write ENTRYPOINT cd /app && exec ./serve \"$MODE\" "
            + "(the shell expands it, then exec hands the process and its signals to the command), or ENTRYPOINT [\"sh\", \"-c\", \"cd /app && exec ./serve \\\"$MODE\\\"\"].",
            findings[1].Message);
    }

    [TestMethod]
    public void A_shell_form_that_execs_its_command_already_passes_the_signals() =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM alpine\nentrypoint exec app \"$@\"\nFROM alpine\nCMD cd /app && exec node server.js\n");

    [TestMethod]
    public void A_pipeline_gets_the_general_advice()
    {
        var findings = RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM alpine\nCMD [|serve | tee /var/log/out|]\nFROM alpine\nCMD [|[python, app.py]|]\n");
        StringAssert.EndsWith(findings[0].Message, "write CMD [\"executable\", \"param\"] (exec form), or set SHELL explicitly.");
        StringAssert.EndsWith(findings[1].Message, "write CMD [\"executable\", \"param\"] (exec form), or set SHELL explicitly.");
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
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>("FROM alpine\nENTRYPOINT run --old\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD [|serve|]\n");
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

    [TestMethod]
    [DataRow("ARG BASE_IMAGE\nARG IMAGE_TAG\nFROM ${BASE_IMAGE}:${IMAGE_TAG}\nWORKDIR /azp\nCOPY start.ps1 .\nCMD powershell .\\start.ps1\n")]
    [DataRow("ARG IMAGE\nFROM ${IMAGE}\nENTRYPOINT \"C:\\Program Files\\dotnet\\dotnet.exe\"\n")]
    [DataRow("ARG BASE\nFROM $BASE\nRUN cmd /S /C mkdir C:\\app\nCMD node server.js\n")]
    [DataRow("ARG BASE=mcr.microsoft.com/windows/nanoserver:ltsc2022\nFROM ${BASE}\nCMD start.cmd\n")]
    [DataRow("FROM microsoft/nanoserver\nCOPY node C:\\node\nENTRYPOINT C:\\node\\node.exe\n")]
    [DataRow("FROM microsoft/windowsservercore:1803\nCMD start.cmd\n")]
    [DataRow("FROM microsoft/dotnet-framework:4.7.2-runtime\nCMD app.exe --serve\n")]
    [DataRow("FROM microsoft/mssql-server-windows-developer\nCMD sqlservr.exe\n")]
    [DataRow("FROM microsoft/iis\nCMD ServiceMonitor.exe w3svc\n")]
    public void Windows_stages_the_base_or_the_commands_show_are_not_checked(string dockerfile) =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>(dockerfile);

    [TestMethod]
    public void An_arg_base_with_no_windows_only_command_is_still_reported() =>
        // pwsh runs on Linux too, a C:\ in an argument may be data, mono starts the .exe: none says Windows.
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>(
            "ARG BASE\nFROM ${BASE}\nRUN pwsh -c ./build.ps1\nRUN echo C:\\data > /etc/win-path\nCMD [|mono app.exe --port $PORT|]\n");

    [TestMethod]
    public void A_cmd_that_is_only_arguments_of_an_exec_form_entrypoint_is_not_reported() =>
        // Docker runs 'dotnet Api.dll /bin/sh -c "…"': dotnet is PID 1 and gets the signals, no shell runs.
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM mcr.microsoft.com/dotnet/aspnet:7.0 AS base\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\nFROM base\nCMD dotnet ef database update --connection ${CONN}\n");

    [TestMethod]
    public void A_cmd_under_a_shell_wrapper_or_script_entrypoint_is_still_reported() =>
        RuleVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM alpine AS a\nENTRYPOINT [\"/sbin/tini\", \"--\"]\nCMD [|./serve --port $PORT|]\n"
            + "FROM node:22 AS b\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [|node server.js|]\n"
            + "FROM alpine\nENTRYPOINT [\"/bin/sh\", \"-c\"]\nCMD [|./serve|]\n");
}
