using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1201ExecFormVariableTests
{
    [TestMethod]
    public void A_variable_in_an_exec_form_command_is_reported_at_the_first_one()
    {
        var findings = RuleVerifier.Verify<COPT1201ExecFormVariable>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV APP_DLL=Api.dll\nENTRYPOINT [\"dotnet\", \"[|$APP_DLL|]\", \"${PORT}\"]\n");
        Assert.AreEqual(
            "'$APP_DLL' in exec-form ENTRYPOINT is passed as written: exec form runs no shell, so the program gets the text '$APP_DLL', not its value. Let a shell expand it: ENTRYPOINT [\"sh\", \"-c\", \"exec dotnet $APP_DLL ${PORT}\"], or write the value itself.",
            findings[0].Message);
    }

    [TestMethod]
    public void Braced_forms_and_run_are_reported() =>
        RuleVerifier.Verify<COPT1201ExecFormVariable>(
            "FROM debian:12\nRUN [\"mkdir\", \"-p\", \"[|${HOME}|]/x\"]\nCMD [\"serve\", \"--port\", \"[|${PORT:-8080}|]\"]\n");

    [TestMethod]
    public void Shells_and_wrappers_that_hand_words_to_a_shell_expand_them_and_shell_form_is_fine() =>
        RuleVerifier.Verify<COPT1201ExecFormVariable>(
            "FROM debian:12\nCMD [\"sh\", \"-c\", \"exec app --port $PORT\"]\nENTRYPOINT [\"/usr/bin/tini\", \"--\", \"bash\", \"-c\", \"run $X\"]\n"
            + "CMD [\"env\", \"A=1\", \"/bin/sh\", \"-c\", \"echo $A\"]\nCMD echo $HOME\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
            + "CMD [\"powershell\", \"-Command\", \"Write-Host $env:PATH\"]\nCMD [\"app\", \"price$\"]\n"
            + "FROM eclipse-temurin:21-jre\nCMD [\"/app/run.sh\", \"${project.artifactId}-${project.version}\"]\n");

    [TestMethod]
    public void Busybox_hands_the_words_to_its_applet_and_a_windows_path_to_bash_exe_is_a_shell()
    {
        // busybox wget gets '$URL' as written (was not reported: busybox counted as a shell); bash.exe expands it (was reported).
        var findings = RuleVerifier.Verify<COPT1201ExecFormVariable>(
            "FROM alpine:3.20\nCMD [\"busybox\", \"wget\", \"[|$URL|]\"]\nCMD [\"/bin/busybox\", \"sh\", \"-c\", \"wget $URL\"]\n"
            + "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD [\"C:\\\\Git\\\\bin\\\\Bash.exe\", \"-c\", \"echo $X\"]\n");
        CollectionAssert.AreEqual(new[] { "COPT1201 2:26" },
            findings.Select(f => $"{f.Code} {f.Location.Start.Line}:{f.Location.Start.Column}").ToArray());
    }
}
