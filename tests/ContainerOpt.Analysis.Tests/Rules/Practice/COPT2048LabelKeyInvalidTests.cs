using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2048LabelKeyInvalidTests
{
    [TestMethod]
    public void Docker_reserved_namespaces_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nLABEL [|com.docker.label|]=\"a\"\nLABEL [|io.docker.label|]=\"b\"\nLABEL [|org.dockerproject.label|]=\"c\"\n");
        Assert.AreEqual(
            "Label key 'com.docker.label' is invalid: the namespace 'com.docker.' is reserved for Docker. Use lower-case reverse-DNS keys of letters, digits, '.' and '-' (e.g. org.opencontainers.image.version).",
            findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3048" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Characters_outside_lowercase_digits_dot_and_dash_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nLABEL [|invalid$character|]=\"foo\"\nLABEL [|Version|]=\"1\"\nLABEL [|my_label|]=\"x\"\n");
        StringAssert.Contains(findings[0].Message, "'$' is not allowed");
        StringAssert.Contains(findings[1].Message, "must start with a lower-case letter");
        StringAssert.Contains(findings[2].Message, "'_' is not allowed");
    }

    [TestMethod]
    public void Keys_must_start_with_a_letter_and_end_with_a_letter_or_digit()
    {
        var findings = RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nLABEL [|.invalid|]=\"foo\"\nLABEL [|-invalid|]=\"foo\"\nLABEL [|1invalid|]=\"foo\"\nLABEL [|invalid.|]=\"foo\"\n");
        StringAssert.Contains(findings[3].Message, "must end with a lower-case letter or digit");
    }

    [TestMethod]
    public void Legacy_form_with_a_space_before_the_equals_sign_checks_the_key() =>
        RuleVerifier.Verify<COPT2048LabelKeyInvalid>("FROM alpine:3.20\nLABEL [|.invalid|] =\"foo\"\n");

    [TestMethod]
    public void Consecutive_separators_are_reported() =>
        RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nLABEL [|invalid..character|]=\"foo\"\nLABEL [|invalid--character|]=\"foo\"\n");

    [TestMethod]
    public void Valid_keys_are_fine() =>
        RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nLABEL org.valid-key.label3=\"foo\" validlabel=\"foo\" \"org.opencontainers.image.title\"=\"x\"\n");

    [TestMethod]
    public void Reported_once_per_instruction_at_the_first_bad_key() =>
        RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nLABEL ok=1 [|Bad|]=2 AlsoBad=3\n");

    [TestMethod]
    public void Onbuild_label_and_quoted_keys_are_checked() =>
        RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nONBUILD LABEL [|com.docker.label|]=\"foo\"\nLABEL [|\"Quoted\"|]=x\n");

    [TestMethod]
    public void Only_a_repeated_separator_is_doubled_and_a_bad_character_is_named_before_the_end_is_judged()
    {
        var findings = RuleVerifier.Verify<COPT2048LabelKeyInvalid>(
            "FROM alpine:3.20\nLABEL a.-b=1 b-.c9=2\nLABEL [|x9.y--z|]=3\nLABEL [|ab_.|]=4\nLABEL [|ab..|]=5\n");
        StringAssert.Contains(findings[0].Message, "is invalid: '..' and '--' are not allowed.");
        StringAssert.Contains(findings[1].Message, "is invalid: '_' is not allowed.");
        StringAssert.Contains(findings[2].Message, "is invalid: it must end with a lower-case letter or digit.");
    }
}
