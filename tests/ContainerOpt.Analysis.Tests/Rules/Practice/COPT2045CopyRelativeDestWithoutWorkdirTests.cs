using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2045CopyRelativeDestWithoutWorkdirTests
{
    [TestMethod]
    public void Relative_destination_without_workdir_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nCOPY bla.sh [|blubb.sh|]\n");
        Assert.AreEqual("COPY to the relative path 'blubb.sh' lands wherever the base image's WORKDIR points: set WORKDIR earlier in the stage, or use an absolute destination.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3045" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Quoted_and_single_character_destinations_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nCOPY bla.sh [|\"blubb.sh\"|]\n");
        StringAssert.Contains(findings[0].Message, "'blubb.sh'");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nCOPY a [|b|]\n");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nCOPY . [|.|]\n");
    }

    [TestMethod]
    public void Absolute_destinations_are_fine() =>
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>(
            "FROM scratch\nCOPY bla.sh /usr/local/bin/blubb.sh\nCOPY bla.sh \"/usr/local/bin/blubb.sh\"\n" +
            "COPY bla.sh c:\\system32\\blubb.sh\nCOPY bla.sh \"d:\\mypath\\blubb.sh\"\nCOPY bla.sh c:/system32/blubb.sh\n");

    [TestMethod]
    public void Variable_destinations_are_fine() =>
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>(
            "FROM scratch\nCOPY src.sh ${SRC_BASE_ENV}\nCOPY src.sh $SRC_BASE_ENV\nCOPY src.sh \"${SRC_BASE_ENV}\"\nCOPY src.sh \"$SRC_BASE_ENV\"\nCOPY src.sh app/$UNSET\n");

    [TestMethod]
    public void Known_variable_making_a_relative_path_is_reported() =>
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nARG SUB=bin\nCOPY src.sh [|app/$SUB|]\n");

    [TestMethod]
    public void Workdir_in_the_stage_makes_relative_destinations_fine()
    {
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh\n");
    }

    [TestMethod]
    public void Workdir_of_an_unrelated_earlier_stage_does_not_count()
    {
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo [|bar|]\n");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>(
            "FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo [|bar|]\n");
    }

    [TestMethod]
    public void Workdir_inherited_from_a_base_stage_counts()
    {
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>(
            "FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>(
            "FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>(
            "FROM microsoft/windowsservercore as base1\nWORKDIR c:\\system32\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n");
    }

    [TestMethod]
    public void Onbuild_workdir_counts_for_onbuild_copy_only()
    {
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nCOPY foo [|bar|]\n");
        RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM debian:buster\nONBUILD COPY foo [|bar|]\n");
    }

    [TestMethod]
    public void Add_is_checked_too()
    {
        var findings = RuleVerifier.Verify<COPT2045CopyRelativeDestWithoutWorkdir>("FROM scratch\nADD app.tar.gz [|app/|]\n");
        StringAssert.StartsWith(findings[0].Message, "ADD to the relative path 'app/'");
    }
}
