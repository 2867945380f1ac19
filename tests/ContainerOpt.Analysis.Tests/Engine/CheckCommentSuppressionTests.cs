using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>BuildKit's <c># check=skip=…</c> written as a comment right above an instruction applies to that instruction only.</summary>
[TestClass]
public sealed class CheckCommentSuppressionTests
{
    private static List<(string Code, int Line)> Lint(string text, params DockerfileRule[] rules) =>
        new DockerfileAnalyzer(rules).Analyze(SourceText.From(text)).Findings.Select(f => (f.Code, f.Location.Start.Line)).ToList();

    [TestMethod]
    public void A_skip_comment_suppresses_the_check_on_the_next_instruction_only()
    {
        var findings = Lint("FROM scratch\n# check=skip=SecretsUsedInArgOrEnv // allowed here\nENV password=bar\nENV password=baz\n",
            new COPT1114SecretsUsedInArgOrEnv());
        CollectionAssert.AreEqual(new[] { ("COPT1114", 4) }, findings);
    }

    [TestMethod]
    public void Skip_all_in_a_comment_leaves_hadolint_only_rules_alone()
    {
        var findings = Lint("FROM debian:12\n# check=skip=all\nMAINTAINER me\n# check=skip=all\nRUN apt-get install -y curl\n",
            new COPT1107MaintainerDeprecated(), new COPT2008AptGetPinVersions());
        CollectionAssert.AreEqual(new[] { ("COPT2008", 5) }, findings);
    }

    [TestMethod]
    public void A_skip_comment_separated_by_an_empty_line_or_naming_another_check_does_nothing()
    {
        var findings = Lint("FROM scratch\n# check=skip=MaintainerDeprecated\n\nMAINTAINER a\n# check=skip=JSONArgsRecommended\nMAINTAINER b\n",
            new COPT1107MaintainerDeprecated());
        CollectionAssert.AreEqual(new[] { ("COPT1107", 4), ("COPT1107", 6) }, findings);
    }

    [TestMethod]
    public void A_skip_comment_above_from_covers_the_stage_checks_reported_on_it()
    {
        var findings = Lint("\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\nFROM --platform=$TARGETPLATFORM scratch\n",
            new COPT1113RedundantTargetPlatform());
        CollectionAssert.AreEqual(new[] { ("COPT1113", 4) }, findings);
    }

    [TestMethod]
    public void A_skip_comment_is_read_in_any_case_and_spacing_and_only_when_it_is_the_check_form()
    {
        var findings = Lint("FROM scratch\n# CHECK = skip=MaintainerDeprecated\nMAINTAINER a\n# Check=skip=MaintainerDeprecated\nMAINTAINER b\n"
            + "# checks=skip=MaintainerDeprecated\nMAINTAINER c\n# chec=skip=MaintainerDeprecated\nMAINTAINER d\n# check=\nMAINTAINER e\n",
            new COPT1107MaintainerDeprecated());
        CollectionAssert.AreEqual(new[] { ("COPT1107", 7), ("COPT1107", 9), ("COPT1107", 11) }, findings);
    }
}
