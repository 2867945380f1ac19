using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2055LabelNotGitHashTests
{
    [TestMethod]
    public void A_value_that_is_no_git_hash_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2055LabelNotGitHash>("FROM alpine:3.20\nLABEL githash=[|\"not-git-hash\"|]\n", options: LabelSchemaOptions.With("githash", "hash"));
        Assert.AreEqual("Label 'githash' must be a git commit hash (7 or 40 lower-case hex digits, e.g. git rev-parse HEAD): 'not-git-hash' is not.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3055" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Wrong_length_and_upper_case_hex_are_reported() =>
        RuleVerifier.Verify<COPT2055LabelNotGitHash>(
            "FROM alpine:3.20\nLABEL githash=[|2dbfae|]\nLABEL githash=[|2dbfae91|]\nLABEL githash=[|2DBFAE9|]\n",
            options: LabelSchemaOptions.With("githash", "hash"));

    [TestMethod]
    public void Short_and_long_hashes_are_fine() =>
        RuleVerifier.Verify<COPT2055LabelNotGitHash>(
            "FROM alpine:3.20\nLABEL githash=\"2dbfae9\"\nLABEL githash=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\nONBUILD LABEL githash=2dbfae9\n",
            options: LabelSchemaOptions.With("githash", "hash"));

    [TestMethod]
    public void Other_labels_are_not_checked() =>
        RuleVerifier.Verify<COPT2055LabelNotGitHash>("FROM alpine:3.20\nLABEL other=\"foo\"\n", options: LabelSchemaOptions.With("githash", "hash"));
}
