using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2025JsonCmdEntrypointTests
{
    [TestMethod]
    public void Shell_form_entrypoint_is_reported_at_its_arguments()
    {
        var findings = RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>("FROM node:20 as foo\nENTRYPOINT [|something|]\n");
        Assert.AreEqual("ENTRYPOINT in shell form runs under '/bin/sh -c', which does not pass signals such as SIGTERM on to the process: write it in JSON form (ENTRYPOINT [\"executable\", \"arg\"]).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3025" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Shell_form_cmd_is_reported() =>
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>("FROM node:20 as foo\nCMD [|node server.js --port 80|]\n");

    [TestMethod]
    public void Json_form_is_fine() =>
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>("FROM scratch as build\nENTRYPOINT [\"foo\", \"bar\"]\nCMD [\"foo\", \"bar\"]\nCMD [ \"foo\", \"bar\" ]\n");

    [TestMethod]
    public void A_shell_instruction_does_not_exempt_it() =>
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nCMD [|echo hi|]\n");

    [TestMethod]
    public void Windows_stages_are_not_reported_linux_stages_beside_them_are() =>
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS agent\nCMD powershell .\\start.ps1\nFROM debian:12\nCMD [|./start.sh|]\n");

    [TestMethod]
    public void A_shell_form_that_execs_its_last_command_is_not_reported_one_that_does_not_is() =>
        // /bin/sh -c hands its process to the exec'd command, which then gets SIGTERM: the message would be false.
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>(
            "FROM debian:12\nCMD exec node server.js --port $PORT\nENTRYPOINT ./migrate && exec ./serve\nFROM debian:12\nCMD [|./migrate && ./serve|]\n");

    [TestMethod]
    public void Invalid_json_and_onbuild_are_reported() =>
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>("FROM debian:12\nCMD [|['echo', 'hi']|]\nONBUILD ENTRYPOINT [|run.sh|]\n");

    [TestMethod]
    public void Windows_stages_an_arg_base_or_a_retired_name_hides_are_not_reported() =>
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>(
            "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nSHELL [\"cmd\", \"/S\", \"/C\"]\nCMD start.cmd\n"
            + "FROM microsoft/nanoserver\nENTRYPOINT C:\\node\\node.exe\nFROM debian:12\nCMD [|./start.sh|]\n");

    [TestMethod]
    public void A_cmd_an_exec_form_entrypoint_receives_is_not_reported_unless_that_entrypoint_is_a_shell() =>
        RuleVerifier.Verify<COPT2025JsonCmdEntrypoint>(
            "FROM debian:12\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\nCMD --spring.profiles.active=prod\n"
            + "FROM debian:12\nENTRYPOINT [\"/bin/bash\", \"-c\"]\nCMD [|./serve|]\n");
}
