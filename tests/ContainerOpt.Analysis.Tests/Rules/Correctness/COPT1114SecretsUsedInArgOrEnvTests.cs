using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1114SecretsUsedInArgOrEnvTests
{
    [TestMethod]
    public void Secret_like_names_in_arg_and_env_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM scratch\nARG [|SECRET_PASSPHRASE|]\nENV [|SUPER_Secret|]=foo\nENV [|password|]=bar [|secret|]=baz\nARG [|super_duper_secret_token|]=foo [|auth|]=bar\nENV [|apikey|]=bar sunflower=foo\nENV [|git_key|]=\n");
        Assert.AreEqual("Do not use ARG or ENV instructions for sensitive data (ARG \"SECRET_PASSPHRASE\"): pass it with a secret mount (RUN --mount=type=secret,id=secret_passphrase) instead.", findings[0].Message);
        StringAssert.StartsWith(findings[1].Message, "Do not use ARG or ENV instructions for sensitive data (ENV \"SUPER_Secret\")");
        CollectionAssert.AreEqual(new[] { "SecretsUsedInArgOrEnv" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Public_file_and_version_parts_make_a_name_harmless() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM scratch\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION\n");

    [TestMethod]
    public void Secret_words_must_be_whole_underscore_separated_parts() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM alpine\nENV KEYBOARD=us MONKEY=1 AUTHOR=me TOKENIZER=x\nARG keys\n");

    [TestMethod]
    public void Env_keys_are_judged_after_expansion() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM alpine\nARG NAME=TOKEN\nENV [|${NAME}|]=x\n");

    [TestMethod]
    public void Global_args_are_not_checked_like_buildkit() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("ARG GITHUB_TOKEN\nFROM alpine\n");

    [TestMethod]
    public void Values_that_cannot_be_secrets_are_not_reported() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM debian:12\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\nENV NODE_GPG_KEYS=\"4ED778F539E3634C779C87C6D7062848A1AB005C 141F07595B7B3FFE74309A937405533BE57C7D57\"\n"
            + "ENV APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=1\nENV SSL_KEY=/run/secrets/tls.key\nARG AUTH_URL=https://login.example.org/oauth\nENV SIGNING_KEY_ID=0xA821E680E5FA6305\n"
            + "ARG [|GITHUB_TOKEN|]\nENV [|GITHUB_TOKEN|]=$GITHUB_TOKEN\nENV [|DB_PASSWORD|]=app_secret\nARG [|AUTH_URL2|]=https://user:pw@example.org\n");
}
