using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>
/// hadolint's own ShellCheck cases (test/Hadolint/Rule/ShellcheckSpec.hs, as ../external/hadolint-spec/cases.jsonl
/// records them, ids ShellCheck-1…30) in hadolint mode: "catches" means at least one SC finding, "not" none. The
/// ONBUILD twin of each case turns every RUN into ONBUILD RUN. One deliberate difference: hadolint checks ONBUILD RUN
/// without the stage's SHELL (its spec calls that "debatable"); here the trigger is checked with the SHELL the image
/// built on this one has, so ShellCheck-16 (bash SHELL, ONBUILD RUN echo $RANDOM) finds nothing.
/// </summary>
[TestClass]
public sealed class ShellCheckHadolintSpecTests
{
    private const string Proxies = "RUN echo \"$HTTP_PROXY\"\nRUN echo \"$http_proxy\"\nRUN echo \"$HTTPS_PROXY\"\nRUN echo \"$https_proxy\"\nRUN echo \"$FTP_PROXY\"\nRUN echo \"$ftp_proxy\"\nRUN echo \"$NO_PROXY\"\nRUN echo \"$no_proxy\"\n";
    private const string ArgsAndEnv = "ARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nRUN echo \"$foo\"\nRUN echo \"$another_foo\"\nRUN echo \"$bar\"\nRUN echo \"$baz\"\n";
    private const string Pwsh = "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n";

    [TestMethod]
    [DataRow("ShellCheck-1", "RUN echo $MISSING_QUOTES", false, true)]
    [DataRow("ShellCheck-2", "RUN echo $MISSING_QUOTES", true, true)]
    [DataRow("ShellCheck-3", "RUN echo foo", false, false)]
    [DataRow("ShellCheck-4", "RUN echo foo", true, false)]
    [DataRow("ShellCheck-5", Proxies, false, false)]
    [DataRow("ShellCheck-6", Proxies, true, false)]
    [DataRow("ShellCheck-7", "RUN echo \"$RTTP_PROXY\"\n", false, true)]
    [DataRow("ShellCheck-8", "RUN echo \"$RTTP_PROXY\"\n", true, true)]
    [DataRow("ShellCheck-9", ArgsAndEnv, false, false)]
    [DataRow("ShellCheck-10", ArgsAndEnv, true, true)]
    [DataRow("ShellCheck-11", "ARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nFROM debian\nRUN echo \"$foo\"\n", false, true)]
    [DataRow("ShellCheck-12", "ARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nFROM debian\nRUN echo \"$foo\"\n", true, true)]
    [DataRow("ShellCheck-13", "RUN echo $RANDOM\n", false, true)]
    [DataRow("ShellCheck-14", "RUN echo $RANDOM\n", true, true)]
    [DataRow("ShellCheck-15", "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN echo $RANDOM\n", false, false)]
    [DataRow("ShellCheck-16 (differs: hadolint catches)", "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN echo $RANDOM\n", true, false)]
    [DataRow("ShellCheck-17", "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM debian\nRUN echo $RANDOM\n", false, true)]
    [DataRow("ShellCheck-18", "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM debian\nRUN echo $RANDOM\n", true, true)]
    [DataRow("ShellCheck-19", "SHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nRUN echo hello\n", false, false)]
    [DataRow("ShellCheck-20", "SHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nRUN echo hello\n", true, false)]
    [DataRow("ShellCheck-21", "SHELL [\"pwsh\", \"-c\"]\n" + Pwsh, false, false)]
    [DataRow("ShellCheck-22", "SHELL [\"pwsh\", \"-c\"]\n" + Pwsh, true, false)]
    [DataRow("ShellCheck-23", "SHELL [\"cmd.exe\", \"/c\"]\n" + Pwsh, false, false)]
    [DataRow("ShellCheck-24", "SHELL [\"cmd.exe\", \"/c\"]\n" + Pwsh, true, false)]
    [DataRow("ShellCheck-25", "SHELL [\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\", \"-noprofile\", \"-noninteractive\", \"-command\"]\n" + Pwsh, false, false)]
    [DataRow("ShellCheck-26", "SHELL [\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\", \"-noprofile\", \"-noninteractive\", \"-command\"]\n" + Pwsh, true, false)]
    [DataRow("ShellCheck-27", "FROM mcr.microsoft.com/foo/bar/windows:10\n# hadolint shell = powershell.exe\n" + Pwsh, false, false)]
    [DataRow("ShellCheck-28", "FROM mcr.microsoft.com/foo/bar/windows:10\n# hadolint shell = powershell.exe\n" + Pwsh, true, false)]
    [DataRow("ShellCheck-29", "# hadolint shell=powershell.exe\nFROM mcr.microsoft.com/foo/bar/windows:10\n" + Pwsh + "FROM mcr.microsoft.com/foo/bar/windows:10\n" + Pwsh, false, false)]
    [DataRow("ShellCheck-30", "# hadolint shell=powershell.exe\nFROM mcr.microsoft.com/foo/bar/windows:10\n" + Pwsh + "FROM mcr.microsoft.com/foo/bar/windows:10\n" + Pwsh, true, false)]
    public void Hadolints_shellcheck_cases(string id, string dockerfile, bool onbuild, bool catches)
    {
        // hadolint's helper appends a newline; its ONBUILD twin wraps every RUN and nothing else.
        string text = dockerfile + "\n";
        if (onbuild)
        {
            text = string.Join("\n", text.Split('\n').Select(l => l.StartsWith("RUN ", StringComparison.Ordinal) ? "ONBUILD " + l : l));
        }
        var found = ShellCheckRun.Describe(ShellCheckRun.Analyze(text, mode: AnalysisMode.Hadolint));
        Assert.AreEqual(catches, found.Length > 0, $"{id}: {string.Join(", ", found)}");
    }
}
