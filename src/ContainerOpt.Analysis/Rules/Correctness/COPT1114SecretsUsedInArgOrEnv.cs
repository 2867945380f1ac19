using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Text;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's SecretsUsedInArgOrEnv: an ARG or ENV of a stage whose name has a secret-like word
/// (password, token, secret, key, auth, apikey, credential(s), passwd, pword) as a whole
/// '_'-separated part, unless it also has public, file or version as a part. Values stay in the
/// image history and metadata. Unlike BuildKit, a value that cannot be a secret is not reported: a switch
/// (<c>APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=1</c>), a path to the secret (<c>SSL_KEY=/run/secrets/key</c>), a URL
/// without credentials, or a public key's fingerprint (<c>GPG_KEY=7169605F...</c>, any GPG/PGP name).
/// </summary>
public sealed class COPT1114SecretsUsedInArgOrEnv : DockerfileRule
{
    /// <summary>The words that make a name look like a secret, as a whole word between underscores (BuildKit's deny list).</summary>
    private static readonly string[] DenyWords = { "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token" };

    private static readonly Regex Deny = new(
        "(?:_|^)(?:" + string.Join("|", DenyWords) + ")(?:_|$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Allow = new("(?:_|^)(?:public|file|version)(?:_|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex PublicKeyName = new("(?:_|^)(?:gpg|pgp|keyserver|keys)(?:_|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Values no secret has: switches and small numbers, paths, URLs without user info, key fingerprints.</summary>
    private static readonly Regex NotASecret = new(
        @"^(?:true|false|yes|no|on|off|[0-9]{1,5}|[/~.][^\s]*|https?://[^@\s]*|(?:0x)?[0-9A-Fa-f]{16}(?:[0-9A-Fa-f]{24})?(?:\s+(?:0x)?[0-9A-Fa-f]{16}(?:[0-9A-Fa-f]{24})?)*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SecretsUsedInArgOrEnv;

    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2064" };

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                var syntax = instruction.Syntax;
                if (syntax.Kind == InstructionKind.Arg)
                {
                    foreach (var word in syntax.Arguments)
                    {
                        int eq = word.Value.IndexOf('=');
                        string key = eq < 0 ? word.Value : word.Value.Substring(0, eq);
                        Check(context, "ARG", key, eq < 0 ? null : word.Value.Substring(eq + 1).Trim('"', '\''), word);
                    }
                }
                else if (syntax.Kind == InstructionKind.Env)
                {
                    foreach (var pair in syntax.KeyValues)
                    {
                        var expanded = context.Model.Expand(instruction, pair.Key.Value);
                        Check(context, "ENV", expanded.Success ? expanded.Result : pair.Key.Value, pair.Value.Value.Trim('"', '\''), pair.Key);
                    }
                }
            }
        }
    }

    /// <summary>
    /// False when <see cref="Deny"/> cannot match: an ASCII name that contains none of its words (most names), decided
    /// without the regex. A name with other characters goes to the regex, whose case folding is not only ASCII's.
    /// </summary>
    private static bool MayBeDenied(string key)
    {
        if (!AsciiText.IsAscii(key, key.Length))
        {
            return true;
        }
        foreach (var word in DenyWords)
        {
            if (AsciiText.ContainsIgnoringCase(key, key.Length, word))
            {
                return true;
            }
        }
        return false;
    }

    private static void Check(RuleContext context, string instruction, string key, string? value, SyntaxToken token)
    {
        if (MayBeDenied(key) && Deny.IsMatch(key) && !Allow.IsMatch(key) && !PublicKeyName.IsMatch(key) && !(value is { Length: > 0 } && NotASecret.IsMatch(value)))
        {
            var span = instruction == "ARG" ? BuildKitSemantics.ArgNameSpan(token, key) : token.Span;
            context.Report(span, instruction, key, key.ToLowerInvariant());
        }
    }
}
