using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Text;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3064: an ARG or ENV whose name looks like it holds a secret — a well-known name
/// (<c>AWS_SECRET_ACCESS_KEY</c>, <c>GITHUB_TOKEN</c>, <c>NPM_TOKEN</c>, …, any case) or a name containing
/// api_key, client_key, password, private, secret, token or username. Global ARGs and ONBUILD
/// triggers are checked too. Reported once per instruction, at the first such name.
/// </summary>
public sealed class COPT2064SecretsInArgEnv : DockerfileRule
{
    private static readonly HashSet<string> KnownNames = new(StringComparer.Ordinal)
    {
        "ACCESS_TOKEN", "APPLICATION_KEY", "APP_SECRET", "AUTH_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "BITTREX_API_KEY", "BITTREX_API_SECRET", "CF_PASSWORD", "CF_USERNAME", "CIRCLE_TOKEN", "CI_DEPLOY_PASSWORD",
        "CI_DEPLOY_USER", "DOCKERHUB_PASSWORD", "DOCKER_EMAIL", "DOCKER_PASSWORD", "DOCKER_USERNAME",
        "FACEBOOK_ACCESS_TOKEN", "FACEBOOK_APP_ID", "FACEBOOK_APP_SECRET", "FIREBASE_API_TOKEN", "FIREBASE_TOKEN",
        "FOSSA_API_KEY", "GH_ENTERPRISE_TOKEN", "GH_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GITHUB_TOKEN", "HEROKU_API_KEY",
        "HEROKU_API_USER", "NPM_AUTH_TOKEN", "NPM_TOKEN", "OKTA_AUTHN_GROUPID", "OKTA_CLIENT_ORGURL", "OKTA_CLIENT_TOKEN",
        "OKTA_OAUTH2_CLIENTID", "OKTA_OAUTH2_CLIENTSECRET", "OPENAI_API_KEY", "OS_PASSWORD", "OS_USERNAME",
        "POSTGRES_PASSWORD", "SLACK_TOKEN", "STRIPE_API_KEY", "STRIPE_DEVICE_NAME", "TRAVIS_OS_NAME",
        "TRAVIS_SECURE_ENV_VARS", "TRAVIS_SUDO", "VAULT_CLIENT_KEY", "VAULT_TOKEN",
    };

    /// <summary>The known names in lower case: an ASCII name is compared with the few of its length only, without case.</summary>
    private static readonly AsciiWordSet KnownNameSet = new(KnownNames.Select(n => n.ToLowerInvariant()));

    private static readonly string[] SuspiciousParts = { "api_key", "client_key", "password", "private", "secret", "token", "username" };

    private static readonly AsciiWordSet SuspiciousPartSet = new(SuspiciousParts);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SecretsInArgEnv;

    public override void Analyze(RuleContext context)
    {
        var instructions = context.Instructions;
        for (int i = 0; i < instructions.Count; i++)
        {
            var syntax = instructions[i].Syntax.Effective;
            if (syntax.Kind == InstructionKind.Arg)
            {
                var arguments = syntax.Arguments;
                for (int j = 0; j < arguments.Count; j++)
                {
                    var word = arguments[j];
                    int eq = word.Value.IndexOf('=');
                    // The name alone is cut out of ARG x=value only when it is reported.
                    // A value made only of undefined variables is empty: no secret (as COPT1114 judges it).
                    if (IsSensitive(word.Value, eq < 0 ? word.Value.Length : eq)
                        && !(eq >= 0 && InstructionFacts.ExpandsFromUndefinedOnly(context.Model, instructions[i], word.Value.Substring(eq + 1))))
                    {
                        var (name, span) = ArgName(word);
                        context.Report(span, name, syntax.Kind.ToKeyword());
                        break;
                    }
                }
            }
            else if (syntax.Kind == InstructionKind.Env)
            {
                var pairs = syntax.KeyValues;
                for (int j = 0; j < pairs.Count; j++)
                {
                    string name = InstructionFacts.DropQuotes(pairs[j].Key.Value);
                    // An empty or unset-marker value (ENV TOKEN "") names the variable and stores nothing (as COPT1114 judges it).
                    if (IsSensitive(name, name.Length) && !InstructionFacts.StoresNoData(pairs[j].Value.Value)
                        && !InstructionFacts.ExpandsFromUndefinedOnly(context.Model, instructions[i], pairs[j].Value.Value))
                    {
                        context.Report(pairs[j].Key.Span, name, syntax.Kind.ToKeyword());
                        break;
                    }
                }
            }
        }
    }

    private static (string Name, TextSpan Span) ArgName(SyntaxToken word)
    {
        int eq = word.Value.IndexOf('=');
        return eq < 0 ? (word.Value, word.Span) : (word.Value.Substring(0, eq), InstructionFacts.SubSpan(word, 0, eq));
    }

    /// <summary>Whether the name (the first <paramref name="length"/> characters of <paramref name="text"/>) looks like a secret's.</summary>
    private static bool IsSensitive(string text, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (text[i] > 0x7F)
            {
                // Invariant casing beyond ASCII can map a letter to an ASCII one: such rare names take the general path.
                string name = text.Substring(0, length);
                if (KnownNames.Contains(name.ToUpperInvariant()))
                {
                    return true;
                }
                string lower = name.ToLowerInvariant();
                foreach (string part in SuspiciousParts)
                {
                    if (lower.Contains(part, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
                return false;
            }
        }
        // An ASCII name: comparing it without case is the same as comparing a case-changed copy, without the copy.
        return KnownNameSet.Contains(text, 0, length) || SuspiciousPartSet.AnyIn(text, length);
    }
}
