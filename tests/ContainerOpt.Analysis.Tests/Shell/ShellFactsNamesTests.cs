using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Tests.Shell;

/// <summary>The shell names' one home: each member's exact set, edge names included.</summary>
[TestClass]
public sealed class ShellFactsNamesTests
{
    // Every name any member knows, and the near misses: each test says exactly which of them it accepts.
    private static readonly string[] Candidates =
    {
        "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox", "pwsh", "powershell", "cmd", "eval", "env", "fish", "csh",
        "tcsh", "python3", "", "Bash", "/bin/bash", "bash.exe",
    };

    private static string[] Accepted(Func<string, bool> member) => Candidates.Where(member).ToArray();

    [TestMethod]
    public void Posix_shell_names_are_the_seven_and_not_busybox_alone() =>
        CollectionAssert.AreEqual(new[] { "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh" }, Accepted(ShellFacts.IsPosixShell));

    [TestMethod]
    public void Pipefail_shell_names_leave_out_sh_and_dash() =>
        CollectionAssert.AreEqual(new[] { "bash", "ash", "zsh", "ksh", "mksh" }, Accepted(ShellFacts.SupportsPipefail));

    [TestMethod]
    public void Windows_shell_names_are_pwsh_powershell_and_cmd() =>
        CollectionAssert.AreEqual(new[] { "pwsh", "powershell", "cmd" }, Accepted(ShellFacts.IsWindowsShell));

    [TestMethod]
    public void Programs_that_run_their_arguments_as_a_command_line_are_the_shells_and_eval() =>
        CollectionAssert.AreEqual(
            new[] { "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "pwsh", "powershell", "cmd", "eval" },
            Accepted(ShellFacts.RunsArgumentsAsCommandLine));

    [TestMethod]
    public void Busybox_shell_applets_are_sh_and_ash() =>
        CollectionAssert.AreEqual(new[] { "sh", "ash" }, Accepted(ShellFacts.IsBusyboxShellApplet));

    [TestMethod]
    [DataRow("/bin/bash", "bash")]
    [DataRow("bash", "bash")]
    [DataRow("/usr/local/bin/zsh", "zsh")]
    [DataRow("C:\\Windows\\System32\\cmd.exe", "cmd")]
    [DataRow("PowerShell.EXE", "powershell")]
    [DataRow("c:/tools/pwsh.exe", "pwsh")]
    [DataRow("/bin/", "")]
    [DataRow("", "")]
    [DataRow("exe", "exe")]
    public void A_program_name_is_the_lower_case_base_name_without_exe(string program, string name) =>
        Assert.AreEqual(name, ShellFacts.ProgramName(program));

    [TestMethod]
    [DataRow("bash -c x", true, true)]
    [DataRow("/bin/sh -c x", true, false)]
    [DataRow("dash", true, false)]
    [DataRow("mksh -o pipefail -c x", true, true)]
    [DataRow("busybox sh -c x", true, true)]
    [DataRow("/bin/busybox ash", true, true)]
    [DataRow("busybox wget -c https://x", false, false)]
    [DataRow("busybox", false, false)]
    [DataRow("sudo -E bash -c x", true, true)]
    [DataRow("pwsh -c x", false, false)]
    [DataRow("python3 -c x", false, false)]
    public void A_command_starts_a_posix_shell_and_one_with_pipefail(string line, bool posix, bool pipefail)
    {
        var command = ShellScript.Parse(line).Commands[0];

        Assert.AreEqual(posix, ShellFacts.IsPosixShell(command), "IsPosixShell");
        Assert.AreEqual(pipefail, ShellFacts.SupportsPipefail(command), "SupportsPipefail");
    }

    [TestMethod]
    [DataRow("/bin/sh -e", true)]
    [DataRow("/usr/bin/env bash", true)]
    [DataRow("/usr/bin/env -S bash -e", true)]
    [DataRow("env -i PATH=/bin mksh", true)]
    [DataRow("/bin/busybox sh", true)]
    [DataRow("/bin/busybox ash", true)]
    [DataRow("/bin/busybox wget", false)]
    [DataRow("/usr/bin/env python3", false)]
    [DataRow("/usr/bin/env", false)]
    [DataRow("pwsh", false)]
    [DataRow("", false)]
    public void A_command_line_of_words_starts_a_posix_shell(string line, bool starts) =>
        Assert.AreEqual(starts, ShellFacts.StartsPosixShell(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [TestMethod]
    [DataRow("/usr/bin/env -i A=1 bash -c", 3)]
    [DataRow("env env sh", 2)]
    [DataRow("/bin/bash -c", 0)]
    [DataRow("env -i", 2)]
    public void The_program_of_a_command_line_stands_past_env(string line, int index) =>
        Assert.AreEqual(index, ShellFacts.ProgramIndex(line.Split(' ')));

    [TestMethod]
    [DataRow("-c", true)]
    [DataRow("-ec", true)]
    [DataRow("-euxc", true)]
    [DataRow("--rc", false)]
    [DataRow("-e", false)]
    [DataRow("c", false)]
    public void The_command_string_flag_is_c_alone_or_ending_a_group(string flag, bool isIt) =>
        Assert.AreEqual(isIt, ShellFacts.IsCommandStringFlag(ShellScript.Parse("sh " + flag).Commands[0].Arguments[0]));

    [TestMethod]
    [DataRow("sh ./install.sh", true)]
    [DataRow("sh -c 'make install'", false)]
    [DataRow("busybox sh -c 'x'", false)]
    [DataRow("busybox sh setup", true)]
    [DataRow("busybox mkdir -p /tmp/cache", true)]
    [DataRow("busybox wget -c https://x/y", true)] // was not opaque: its -c was taken for the shell's
    [DataRow("mksh -ec 'x'", false)]
    [DataRow("/usr/bin/apt-get install x", false)]
    public void Shells_without_a_command_string_and_busybox_applets_are_opaque(string line, bool opaque) =>
        Assert.AreEqual(opaque, ShellFacts.IsOpaque(ShellScript.Parse(line).Commands[0]));

    [TestMethod]
    public void The_parser_reads_the_script_of_mksh_and_busybox_sh_but_not_a_busybox_applets_c_flag()
    {
        CollectionAssert.AreEqual(new[] { "mksh", "apt-get" }, ShellScript.Parse("mksh -c 'apt-get update'").Commands.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "busybox", "rm" }, ShellScript.Parse("busybox sh -c 'rm -rf /x'").Commands.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "busybox" }, ShellScript.Parse("busybox wget -c https://x/y").Commands.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    [DataRow("rm -rf /a /b", "/a /b")]
    [DataRow("rm -f -- -x /a", "-x /a")]
    [DataRow("rm /a -r /b", "/a /b")]
    [DataRow("rm /a -- -b", "/a -b")]
    [DataRow("rm -rf", "")]
    [DataRow("rm", "")]
    [DataRow("rmdir /a", "")]
    [DataRow("sudo rm -r - /c", "- /c")]
    public void Removal_targets_are_an_rms_positional_arguments(string line, string targets) =>
        Assert.AreEqual(targets, string.Join(" ", ShellFacts.RemovalTargets(ShellScript.Parse(line).Commands[0]).Select(w => w.Value)));

    [TestMethod]
    [DataRow("rm -rf /var/lib/apt/lists/*", true)]
    [DataRow("rm -rf /var/lib/apt/lists", true)]
    [DataRow("rm -rf /var/lib/apt/lists-old", false)]
    [DataRow("rm -rf /var/lib/apt", false)]
    [DataRow("rm /x -- /var/lib/apt/lists/partial", true)]
    [DataRow("echo /var/lib/apt/lists", false)]
    public void Removing_under_a_directory_is_the_directory_or_inside_it(string line, bool removes)
    {
        var command = ShellScript.Parse(line).Commands[0];

        Assert.AreEqual(removes, ShellFacts.RemovesUnder(command, "/var/lib/apt/lists"));
        Assert.AreEqual(removes, ShellFacts.RemovesUnder(command, "/nowhere", "/var/lib/apt/lists"));
    }
}
