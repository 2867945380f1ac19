using System.Text.Json;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Cli.Tests;

/// <summary><c>containeropt lint</c> runs the ShellCheck on PATH: its findings in every format, and --verbose says which one.</summary>
[TestClass]
public sealed class ShellCheckLintTests
{
    [TestMethod]
    public void Findings_carry_their_sc_code_and_verbose_names_the_shellcheck()
    {
        ShellCheckInstalled.Require();
        var path = CliRunner.TempFile("FROM alpine:3.20\nRUN [[ -n lit ]] && echo $foo\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", path, "--format", "json", "--verbose");
        Assert.AreEqual(0, code, stderr);
        StringAssert.Contains(stderr, "checks the RUN scripts");
        var findings = JsonDocument.Parse(stdout).RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("code").GetString() == "COPT2200")
            .Select(d => $"{d.GetProperty("equivalents")[0].GetString()} {d.GetProperty("severity").GetString()} {d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}")
            .ToArray();
        // Recommended: the bashism and ShellCheck's error warn; the quoting advice is a suggestion.
        CollectionAssert.AreEqual(new[] { "SC3010 warning 2:5", "SC2157 warning 2:11", "SC2086 style 2:26", "SC2154 style 2:26" }, findings);

        var (_, text, _) = CliRunner.Run("lint", path);
        StringAssert.Contains(text, $"{path}(2,5): warning COPT2200: SC3010: In POSIX sh, [[ ]] is undefined. (https://www.shellcheck.net/wiki/SC3010)");
    }
}
