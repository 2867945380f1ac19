using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1112LegacyKeyValueFormatTests
{
    [TestMethod]
    public void Env_and_label_without_equals_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT1112LegacyKeyValueFormat>("FROM scratch\nENV [|testkey|] value\nLABEL [|key|] value\n");
        Assert.AreEqual("\"ENV key=value\" should be used instead of legacy \"ENV key value\" format: write 'ENV testkey=value'.", findings[0].Message);
        StringAssert.StartsWith(findings[1].Message, "\"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format");
        CollectionAssert.AreEqual(new[] { "LegacyKeyValueFormat" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void A_value_with_spaces_is_quoted_in_the_advice()
    {
        var findings = RuleVerifier.Verify<COPT1112LegacyKeyValueFormat>("FROM alpine\nenv [|GREETING|] hello world\n");
        StringAssert.EndsWith(findings[0].Message, "write 'env GREETING=\"hello world\"'.");
    }

    [TestMethod]
    public void Key_value_pairs_are_fine() =>
        RuleVerifier.Verify<COPT1112LegacyKeyValueFormat>("FROM scratch\nENV testkey=value other=\"a b\"\nLABEL key=value\n");

    [TestMethod]
    public void Every_stage_is_checked() =>
        RuleVerifier.Verify<COPT1112LegacyKeyValueFormat>("FROM scratch AS a\n\nFROM a AS b\nENV [|testkey|] value\nLABEL [|key|] value\n\nFROM a AS c\n");
}
