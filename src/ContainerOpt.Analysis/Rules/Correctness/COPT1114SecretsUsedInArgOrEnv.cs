using ContainerOpt.Analysis.Facts;
using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Text;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's SecretsUsedInArgOrEnv: an ARG or ENV of a stage whose name has a secret-like word
/// (password, token, secret, key, auth, apikey, credential(s), passwd, pword) as a whole
/// '_'-separated part, unless it also has public, file or version as a part. Values stay in the
/// image history and metadata. Unlike BuildKit, a setting about a secret is not reported (<c>AUTH_SOURCE</c>,
/// <c>KEY_TYPE</c>, <c>TOKEN_URL</c>: <see cref="SettingName"/>), nor a value that cannot be a secret: a switch
/// (<c>APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=1</c>), a path to the secret (<c>SSL_KEY=/run/secrets/key</c>), a URL
/// without credentials, or a public key's fingerprint (<c>GPG_KEY=7169605F...</c>, any GPG/PGP name). Nor is a value made
/// only of variables the file does not define (<c>ENV MYSQL_ROOT_PASSWORD ${MYSQL_ROOT_PASSWORD}</c> without an ARG): it
/// is empty, so no secret reaches the image (COPT1110 reports the variable). Nor is an ENV without data: an empty value
/// (<c>ENV TOKEN ""</c>, <c>ENV TOKEN=</c>) or an unset marker (<see cref="InstructionFacts.StoresNoData"/>) documents a variable
/// the container is given at start. An ARG is reported whatever its default: <c>ARG TOKEN</c> exists to receive
/// <c>--build-arg TOKEN=...</c>, and that value is what stays in the history. The fix named depends on who reads the
/// value: a secret mount when a later RUN names it; passing it when the container starts (<c>docker run -e</c>, a
/// <c>_FILE</c> secret, as service images such as mysql and postgres read their passwords) when no RUN follows; both,
/// each with its condition, when later RUNs may read it without naming it.
/// </summary>
public sealed class COPT1114SecretsUsedInArgOrEnv : DockerfileRule
{
    /// <summary>The words that make a name look like a secret, as a whole word between underscores (BuildKit's deny list).</summary>
    private static readonly string[] DenyWords = { "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token" };

    private static readonly Regex Deny = new(
        "(?:_|^)(?:" + string.Join("|", DenyWords) + ")(?:_|$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Allow = new("(?:_|^)(?:public|file|version)(?:_|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// Parts that make the name a setting about a secret, not one: which authentication source or method
    /// (<c>AUTH_SOURCE=admin</c>, MongoDB's authentication database), a key's type or size, where a token is fetched, a
    /// switch about a key (<c>APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=DontWarn</c>). BuildKit reports these too; their
    /// values are never credentials.
    /// </summary>
    private static readonly Regex SettingName = new(
        "(?:_|^)(?:source|method|type|mechanism|mode|provider|plugin|backend|strategy|scheme|algorithm|size|length|enabled|disabled|url|uri|host|port|realm|issuer|header|database|warn|usage)(?:_|$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex PublicKeyName = new("(?:_|^)(?:gpg|pgp|keyserver|keys)(?:_|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Values no secret has: switches and small numbers, paths, URLs without user info, key fingerprints.</summary>
    private static readonly Regex NotASecret = new(
        @"^(?:true|false|yes|no|on|off|[0-9]{1,5}|[/~.][^\s]*|https?://[^@\s]*|(?:0x)?[0-9A-Fa-f]{16}(?:[0-9A-Fa-f]{24})?(?:\s+(?:0x)?[0-9A-Fa-f]{16}(?:[0-9A-Fa-f]{24})?)*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly AsciiWordSet DenyWordSet = new(DenyWords);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SecretsUsedInArgOrEnv;

    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2064" };

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var stages = model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var instructions = stages[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                var syntax = instruction.Syntax;
                if (syntax.Kind == InstructionKind.Arg)
                {
                    var arguments = syntax.Arguments;
                    for (int j = 0; j < arguments.Count; j++)
                    {
                        var word = arguments[j];
                        int eq = word.Value.IndexOf('=');
                        // Most names hold no deny word: decided on the name in place, before any string is cut or value expanded.
                        if (!MayBeDenied(word.Value, eq < 0 ? word.Value.Length : eq))
                        {
                            continue;
                        }
                        string key = eq < 0 ? word.Value : word.Value.Substring(0, eq);
                        if (eq >= 0 && InstructionFacts.ExpandsFromUndefinedOnly(model, instruction, word.Value.Substring(eq + 1)))
                        {
                            continue;
                        }
                        Check(context, instruction, "ARG", key, eq < 0 ? null : word.Value.Substring(eq + 1).Trim('"', '\''), word);
                    }
                }
                else if (syntax.Kind == InstructionKind.Env)
                {
                    var pairs = syntax.KeyValues;
                    for (int j = 0; j < pairs.Count; j++)
                    {
                        var pair = pairs[j];
                        string key = model.ExpandedOrWritten(instruction, pair.Key.Value);
                        if (!MayBeDenied(key, key.Length) || InstructionFacts.StoresNoData(pair.Value.Value)
                            || InstructionFacts.ExpandsFromUndefinedOnly(model, instruction, pair.Value.Value))
                        {
                            continue;
                        }
                        Check(context, instruction, "ENV", key, pair.Value.Value.Trim('"', '\''), pair.Key);
                    }
                }
            }
        }
    }

    /// <summary>
    /// False when <see cref="Deny"/> cannot match: an ASCII name none of whose '_'-separated parts is one of its words in any
    /// case (most names), decided in one walk without the regex. A name with other characters goes to the regex, whose case
    /// folding is not only ASCII's.
    /// </summary>
    private static bool MayBeDenied(string text, int length)
    {
        int start = 0;
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            if (c > 0x7F)
            {
                return true;
            }
            if (c == '_')
            {
                if (DenyWordSet.Contains(text, start, i - start))
                {
                    return true;
                }
                start = i + 1;
            }
        }
        return DenyWordSet.Contains(text, start, length - start);
    }

    private static void Check(RuleContext context, StageInstruction at, string instruction, string key, string? value, SyntaxToken token)
    {
        if (Deny.IsMatch(key) && !Allow.IsMatch(key) && !PublicKeyName.IsMatch(key) && !SettingName.IsMatch(key) && !(value is { Length: > 0 } && NotASecret.IsMatch(value)))
        {
            var span = instruction == "ARG" ? BuildKitSemantics.ArgNameSpan(token, key) : token.Span;
            string mount = $"RUN --mount=type=secret,id={key.ToLowerInvariant()}";
            string atStart = $"docker run -e {key}, or a {key}_FILE secret where the image supports one";
            // Every later RUN sees the variable, and a tool may read it without naming it: only "no RUN at all" is certain.
            string fix = LaterRun(context, at, key) switch
            {
                RunUse.Names => $"pass it with a secret mount ({mount}) instead",
                RunUse.None => $"no RUN comes after it, so only the container reads it: pass it when the container starts instead ({atStart})",
                _ => $"pass it with a secret mount ({mount}) if a RUN needs it, or when the container starts ({atStart}) if only the container reads it",
            };
            context.Report(span, instruction, key, fix);
        }
    }

    private enum RunUse { None, Unnamed, Names }

    /// <summary>Whether the RUNs after <paramref name="at"/>, in its stage or a stage built on it, name the variable, only may read it, or do not exist.</summary>
    private static RunUse LaterRun(RuleContext context, StageInstruction at, string name)
    {
        var use = RunUse.None;
        foreach (var instruction in context.Instructions)
        {
            if (instruction.Kind == InstructionKind.Run && instruction.Syntax.StartLine > at.Syntax.StartLine
                && instruction.Stage is { } stage && at.Stage is { } owner && (stage == owner || stage.Ancestors.Contains(owner)))
            {
                if (ReadsVariable(instruction.Syntax.Original, name))
                {
                    return RunUse.Names;
                }
                use = RunUse.Unnamed;
            }
        }
        return use;
    }

    /// <summary>True when <paramref name="text"/> reads <paramref name="name"/>: <c>$NAME</c>, <c>${NAME</c>, <c>%NAME%</c> or <c>$env:NAME</c>.</summary>
    private static bool ReadsVariable(string text, string name)
    {
        for (int i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            int end = i + name.Length;
            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                continue;
            }
            if ((i >= 1 && text[i - 1] == '$') || (i >= 2 && text[i - 2] == '$' && text[i - 1] == '{')
                || (i >= 1 && text[i - 1] == '%' && end < text.Length && text[end] == '%')
                || (i >= 5 && string.Compare(text, i - 5, "$env:", 0, 5, StringComparison.OrdinalIgnoreCase) == 0))
            {
                return true;
            }
        }
        return false;
    }
}
