using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2064SecretsInArgEnvTests
{
    [TestMethod]
    public void Well_known_secret_arg_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2064SecretsInArgEnv>("ARG [|AWS_ACCESS_KEY_ID|]\nFROM debian:bullseye\nRUN foobar\n");
        Assert.AreEqual("'AWS_ACCESS_KEY_ID' looks like a secret, and ARG values stay readable in the image history and config: pass it with RUN --mount=type=secret,id=AWS_ACCESS_KEY_ID instead.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3064" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void No_or_harmless_arg_and_env_are_fine()
    {
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM debian:bullseye\nRUN foobar\n");
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("ARG foobar\nFROM debian:bullseye\nRUN foobar\n");
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM debian:bullseye\nENV foobar=barfoo\nRUN foobar\n");
    }

    [TestMethod]
    public void Known_names_match_in_any_case() =>
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("ARG [|openai_api_key|]\nFROM debian:bullseye\nRUN foobar\n");

    [TestMethod]
    public void Env_keys_are_checked()
    {
        var findings = RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM debian:bullseye\nENV [|AWS_ACCESS_KEY_ID|]=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n");
        StringAssert.Contains(findings[0].Message, "ENV values stay readable");
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM debian:bullseye\nENV [|my_password|]=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n");
    }

    [TestMethod]
    public void Arg_with_a_default_is_reported_at_its_name() =>
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM debian:bullseye\nARG [|DB_PASSWORD|]=changeme\n");

    [TestMethod]
    public void One_finding_per_instruction() =>
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM debian:bullseye\nENV APP=1 [|GITHUB_TOKEN|]=a NPM_TOKEN=b\n");

    [TestMethod]
    public void Onbuild_triggers_are_checked() =>
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM debian:bullseye\nONBUILD ARG [|client_secret|]\nONBUILD ENV [|Api_Token|]=x\n");

    [TestMethod]
    public void An_env_with_an_empty_or_unset_marker_value_is_not_reported() =>
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>("FROM ruby:3.3\nENV GITHUB_TOKEN \"\"\nENV sa_password=\"_\"\nENV [|NPM_TOKEN|]=abc\n");

    [TestMethod]
    public void Known_names_match_whole_and_parts_anywhere_in_any_case() =>
        RuleVerifier.Verify<COPT2064SecretsInArgEnv>(
            "FROM debian:bullseye\nARG [|ci_deploy_user|]\nARG CI_DEPLOY_USE\nARG CI_DEPLOY_USERS=x\nARG [|dbPassWord|]\nARG [|X_API_KEY|]=1\n" +
            "ARG GH_TOKE\nARG PASSWOR=x\nENV [|myUsername|]=a\nENV CLIENT_KE=b\n");
}
