using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2001PointlessCommandTests
{
    [TestMethod]
    public void Top_in_a_run_is_reported_with_what_to_do()
    {
        var findings = RuleVerifier.Verify<COPT2001PointlessCommand>("FROM debian:12\nRUN [|top|]\n");
        StringAssert.StartsWith(findings[0].Message, "Remove 'top' from the RUN");
        CollectionAssert.AreEqual(new[] { "DL3001" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2001PointlessCommand>("FROM debian:12\nONBUILD RUN [|top|]\n");

    [TestMethod]
    public void A_package_named_ssh_is_not_a_command() =>
        RuleVerifier.Verify<COPT2001PointlessCommand>("FROM debian:12\nRUN apt-get install ssh\nONBUILD RUN apt-get install ssh vim\n");

    [TestMethod]
    [DataRow("ssh")]
    [DataRow("vim")]
    [DataRow("shutdown")]
    [DataRow("service")]
    [DataRow("ps")]
    [DataRow("free")]
    [DataRow("kill")]
    [DataRow("mount")]
    [DataRow("ifconfig")]
    public void Every_listed_command_is_reported(string name) =>
        RuleVerifier.Verify<COPT2001PointlessCommand>($"FROM debian:12\nRUN echo start && [|{name}|] x\n");

    [TestMethod]
    public void Reported_once_per_run_at_the_first_such_command() =>
        RuleVerifier.Verify<COPT2001PointlessCommand>("FROM debian:12\nRUN [|service|] nginx start && ps aux\nRUN sudo [|kill|] -9 1\n");

    [TestMethod]
    public void Commands_in_sh_c_and_heredoc_bodies_are_found() =>
        RuleVerifier.Verify<COPT2001PointlessCommand>("FROM debian:12\nRUN sh -c [|\"ps aux\"|]\nRUN <<EOF\nset -e\n[|mount|] /dev/sda1 /mnt\nEOF\n");

    [TestMethod]
    public void Lookalike_names_are_fine() =>
        RuleVerifier.Verify<COPT2001PointlessCommand>("FROM debian:12\nRUN topgrade && pkill -f x && vimdiff a b && echo ps\n");

    [TestMethod]
    public void PowerShell_is_not_checked() =>
        RuleVerifier.Verify<COPT2001PointlessCommand>("FROM mcr.microsoft.com/powershell\nSHELL [\"pwsh\", \"-Command\"]\nRUN ps\n");
}
