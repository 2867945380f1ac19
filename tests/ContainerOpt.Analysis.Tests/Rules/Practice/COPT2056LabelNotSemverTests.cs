using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2056LabelNotSemverTests
{
    [TestMethod]
    public void A_value_that_is_no_semantic_version_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2056LabelNotSemver>("FROM alpine:3.20\nLABEL semver=[|\"not-sem-ver\"|]\n", options: LabelSchemaOptions.With("semver", "semver"));
        Assert.AreEqual("Label 'semver' must be a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.2 or 2.0.0-rc.1): 'not-sem-ver' is not.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3056" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Partial_prefixed_and_leading_zero_versions_are_reported() =>
        RuleVerifier.Verify<COPT2056LabelNotSemver>(
            "FROM alpine:3.20\nLABEL semver=[|1.0|]\nLABEL semver=[|v1.0.0|]\nLABEL semver=[|01.0.0|]\nLABEL semver=[|1.0.0-|]\n",
            options: LabelSchemaOptions.With("semver", "semver"));

    [TestMethod]
    public void Semantic_versions_are_fine() =>
        RuleVerifier.Verify<COPT2056LabelNotSemver>(
            "FROM alpine:3.20\nLABEL semver=\"1.0.0\"\nLABEL semver=\"2.0.1-rc1\"\nLABEL semver=1.0.0-alpha.1+build.5\nONBUILD LABEL semver=\"2.0.1-rc1\"\n",
            options: LabelSchemaOptions.With("semver", "semver"));

    [TestMethod]
    public void A_build_arg_gives_the_variable_its_value() =>
        RuleVerifier.Verify<COPT2056LabelNotSemver>(
            "FROM alpine:3.20\nARG VERSION=du-jour\nLABEL semver=\"${VERSION}\"\n",
            options: BuildArg(LabelSchemaOptions.With("semver", "semver")));

    [TestMethod]
    public void An_arg_default_is_checked() =>
        RuleVerifier.Verify<COPT2056LabelNotSemver>(
            "FROM alpine:3.20\nARG VERSION=du-jour\nLABEL semver=[|\"${VERSION}\"|]\n",
            options: LabelSchemaOptions.With("semver", "semver"));

    [TestMethod]
    public void Other_labels_are_not_checked() =>
        RuleVerifier.Verify<COPT2056LabelNotSemver>("FROM alpine:3.20\nLABEL other=\"foo\"\n", options: LabelSchemaOptions.With("semver", "semver"));

    private static AnalysisOptions BuildArg(AnalysisOptions options)
    {
        options.BuildArgs["VERSION"] = "3.1.4";
        return options;
    }
}
