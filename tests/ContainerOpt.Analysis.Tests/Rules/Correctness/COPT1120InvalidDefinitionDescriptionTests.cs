using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1120InvalidDefinitionDescriptionTests
{
    [TestMethod]
    public void Comments_that_do_not_start_with_the_name_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT1120InvalidDefinitionDescription>(
            "# bar this is the bar\nARG [|foo|]=bar\n# BasE this is the BasE image\nFROM scratch AS [|base|]\n# definitely a bad comment\nARG [|foo|]=baz bar=qux\n");
        Assert.AreEqual("Comment for ARG should follow the format: `# foo <description>`: start the comment with 'foo', or put an empty line between the comment and the ARG.", findings[0].Message);
        StringAssert.StartsWith(findings[1].Message, "Comment for FROM should follow the format: `# base <description>`");
        StringAssert.StartsWith(findings[2].Message, "Comment for ARG should follow the format: `# <arg_key> <description>`");
        CollectionAssert.AreEqual(new[] { "InvalidDefinitionDescription" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Descriptions_that_start_with_the_name_are_fine() =>
        RuleVerifier.Verify<COPT1120InvalidDefinitionDescription>(
            "# foo this is the foo\nARG foo=bar\n# base this is the base image\nFROM scratch AS base\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n");

    [TestMethod]
    public void An_empty_line_or_empty_comment_separates_a_plain_comment() =>
        RuleVerifier.Verify<COPT1120InvalidDefinitionDescription>(
            "# just a note\n\nARG foo=bar\nFROM scratch\n# another note\n#\nARG bit=bat\n# comment for something else\nCOPY Dockerfile .\n");

    [TestMethod]
    public void Only_the_comment_closest_to_the_instruction_counts() =>
        RuleVerifier.Verify<COPT1120InvalidDefinitionDescription>("FROM scratch\n# unrelated words\n# version the version number\nARG version=latest\n");

    [TestMethod]
    public void Off_by_default_and_enabled_by_the_check_directive()
    {
        var rule = new COPT1120InvalidDefinitionDescription();
        Assert.IsFalse(rule.Descriptor.EnabledByDefault);
        const string text = "FROM scratch\n# wrong\nARG foo=bar\n";
        var analyzer = new DockerfileAnalyzer(new[] { rule });
        Assert.AreEqual(0, analyzer.Analyze(SourceText.From(text)).Findings.Count(f => f.Code == "COPT1120"));
        Assert.AreEqual(1, analyzer.Analyze(SourceText.From("# check=experimental=InvalidDefinitionDescription\n" + text)).Findings.Count(f => f.Code == "COPT1120"));
    }
}
