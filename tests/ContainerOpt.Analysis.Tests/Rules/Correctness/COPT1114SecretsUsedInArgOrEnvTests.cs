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
            "FROM scratch\nARG [|SECRET_PASSPHRASE|]\nENV [|SUPER_Secret|]=foo\nENV [|password|]=bar [|secret|]=baz\nARG [|super_duper_secret_token|]=foo [|auth|]=bar\nENV [|apikey|]=bar sunflower=foo\nARG [|git_key|]=\n");
        Assert.AreEqual("Do not use ARG or ENV instructions for sensitive data (ARG \"SECRET_PASSPHRASE\"): no RUN comes after it, so only the container reads it: pass it when the container starts instead (docker run -e SECRET_PASSPHRASE, or a SECRET_PASSPHRASE_FILE secret where the image supports one).", findings[0].Message);
        StringAssert.StartsWith(findings[1].Message, "Do not use ARG or ENV instructions for sensitive data (ENV \"SUPER_Secret\")");
        CollectionAssert.AreEqual(new[] { "SecretsUsedInArgOrEnv" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Public_file_and_version_parts_make_a_name_harmless() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM scratch\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION\n");

    /// <summary>Held-out corpus: MongoDB's authentication database and apt-key's warning switch were reported as secrets.</summary>
    [TestMethod]
    public void A_setting_about_a_secret_is_not_one() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM debian:12\nENV AUTH_SOURCE=\"admin\" APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=DontWarn KEY_TYPE=rsa TOKEN_URL=login\n"
            + "ARG AUTH_METHOD=scram\nENV [|AUTH_TOKEN|]=abc [|DB_PASSWORD|]=admin [|SECRET_KEY_BASE|]=x\n");

    [TestMethod]
    public void Secret_words_must_be_whole_underscore_separated_parts() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM alpine\nENV KEYBOARD=us MONKEY=1 AUTHOR=me TOKENIZER=x\nARG keys\n");

    [TestMethod]
    public void A_secret_word_counts_as_the_first_last_or_only_part_in_any_case_and_empty_parts_do_not_join_words() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM alpine\nARG [|_Key|]=1x\nARG [|tOkEn_|]=1x\nARG [|A__CREDENTIALS__B|]=1x\nARG [|x_pword|]=1x\nARG PASS_WORD=1x KE_Y=1x __=1x _=1x SECRETS=1x\n");

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

    [TestMethod]
    public void A_value_from_an_undefined_variable_is_empty_and_not_reported() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM mysql:latest\nENV MYSQL_ROOT_PASSWORD ${MYSQL_ROOT_PASSWORD}\nENV DB_PASSWORD=$DB_PASSWORD\n");

    [TestMethod]
    public void An_env_with_an_empty_or_unset_marker_value_stores_no_secret() =>
        // mssql-server-windows' "_" means "not set"; a plugin lists the variables it is given at docker run with empty values.
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>(
            "FROM mcr.microsoft.com/mssql/server:2022-latest\nENV ACCEPT_EULA=\"_\" sa_password=\"_\"\n# given at docker run\nENV GITHUB_TOKEN \"\"\nENV NPM_TOKEN=\nENV API_KEY=none DB_PASSWORD='-'\n");

    [TestMethod]
    public void A_weak_default_password_or_an_empty_arg_default_is_still_reported()
    {
        // A guessable default is a real secret; an ARG's empty default is replaced by --build-arg, whose value stays in the history.
        var findings = RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM postgres:16\nENV [|POSTGRES_PASSWORD|]=changeme\nARG [|NPM_TOKEN|]=\"\"\nRUN npm ci\n");
        Assert.AreEqual("Do not use ARG or ENV instructions for sensitive data (ENV \"POSTGRES_PASSWORD\"): pass it with a secret mount (RUN --mount=type=secret,id=postgres_password) "
            + "if a RUN needs it, or when the container starts (docker run -e POSTGRES_PASSWORD, or a POSTGRES_PASSWORD_FILE secret where the image supports one) if only the container reads it.", findings[0].Message);
        Assert.AreEqual("Do not use ARG or ENV instructions for sensitive data (ARG \"NPM_TOKEN\"): pass it with a secret mount (RUN --mount=type=secret,id=npm_token) "
            + "if a RUN needs it, or when the container starts (docker run -e NPM_TOKEN, or a NPM_TOKEN_FILE secret where the image supports one) if only the container reads it.", findings[1].Message);
    }

    [TestMethod]
    public void A_value_from_a_declared_arg_is_still_reported() =>
        RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM mysql:latest\nARG [|ROOT_PASSWORD|]\nENV [|MYSQL_ROOT_PASSWORD|] ${ROOT_PASSWORD}\n");

    [TestMethod]
    public void A_value_no_run_reads_is_passed_when_the_container_starts()
    {
        var findings = RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM postgres:16\nENV [|POSTGRES_PASSWORD|]=hunter2\n");
        Assert.AreEqual("Do not use ARG or ENV instructions for sensitive data (ENV \"POSTGRES_PASSWORD\"): no RUN comes after it, so only the container reads it: "
            + "pass it when the container starts instead (docker run -e POSTGRES_PASSWORD, or a POSTGRES_PASSWORD_FILE secret where the image supports one).", findings[0].Message);
        // A later RUN may read it without naming it (dotnet restore reads a token from nuget.config's %VAR%): both fixes, each with its condition.
        findings = RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM alpine\nENV [|GITHUB_TOKEN|]=abc\nRUN dotnet restore\n");
        Assert.AreEqual("Do not use ARG or ENV instructions for sensitive data (ENV \"GITHUB_TOKEN\"): pass it with a secret mount (RUN --mount=type=secret,id=github_token) "
            + "if a RUN needs it, or when the container starts (docker run -e GITHUB_TOKEN, or a GITHUB_TOKEN_FILE secret where the image supports one) if only the container reads it.", findings[0].Message);
        findings = RuleVerifier.Verify<COPT1114SecretsUsedInArgOrEnv>("FROM alpine AS build\nARG [|NPM_TOKEN|]\nFROM build\nRUN npm config set token ${NPM_TOKEN}\n");
        Assert.AreEqual("Do not use ARG or ENV instructions for sensitive data (ARG \"NPM_TOKEN\"): pass it with a secret mount (RUN --mount=type=secret,id=npm_token) instead.", findings[0].Message);
    }
}
