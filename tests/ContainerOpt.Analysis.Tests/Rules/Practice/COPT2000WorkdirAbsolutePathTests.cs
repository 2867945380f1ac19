using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2000WorkdirAbsolutePathTests
{
    [TestMethod]
    public void Relative_workdir_is_reported_at_the_path()
    {
        var findings = RuleVerifier.Verify<COPT2000WorkdirAbsolutePath>("FROM scratch\nWORKDIR [|relative/dir|]\n");
        Assert.AreEqual("WORKDIR 'relative/dir' is relative to whatever WORKDIR the base image set: use an absolute path (WORKDIR /app).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3000" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Absolute_and_variable_paths_are_fine() =>
        RuleVerifier.Verify<COPT2000WorkdirAbsolutePath>("FROM scratch\nWORKDIR /usr/local\nWORKDIR ${work}\nWORKDIR $HOME/app\n");

    [TestMethod]
    public void Quotes_around_the_path_are_ignored()
    {
        var findings = RuleVerifier.Verify<COPT2000WorkdirAbsolutePath>(
            "FROM scratch\nWORKDIR [|'relative/dir'|]\nWORKDIR '/usr/local'\nWORKDIR [|\"relative/dir\"|]\nWORKDIR \"/usr/local\"\nWORKDIR \"${dir}\"\n");
        StringAssert.StartsWith(findings[0].Message, "WORKDIR 'relative/dir' is relative");
    }

    [TestMethod]
    public void Windows_drive_paths_are_absolute() =>
        RuleVerifier.Verify<COPT2000WorkdirAbsolutePath>(
            "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR 'C:\\'\nWORKDIR \"C:\\\\\"\nWORKDIR C:/\nWORKDIR \"C:/\"\nWORKDIR c:\\app\n");

    [TestMethod]
    public void Dot_relative_paths_and_onbuild_are_reported() =>
        RuleVerifier.Verify<COPT2000WorkdirAbsolutePath>("FROM scratch\nWORKDIR [|./app|]\nONBUILD WORKDIR [|src|]\n");
}
