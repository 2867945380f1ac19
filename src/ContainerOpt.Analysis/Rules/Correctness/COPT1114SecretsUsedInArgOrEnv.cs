using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's SecretsUsedInArgOrEnv: an ARG or ENV of a stage whose name has a secret-like word
/// (password, token, secret, key, auth, apikey, credential(s), passwd, pword) as a whole
/// '_'-separated part, unless it also has public, file or version as a part. Values stay in the
/// image history and metadata.
/// </summary>
public sealed class COPT1114SecretsUsedInArgOrEnv : DockerfileRule
{
    private static readonly Regex Deny = new(
        "(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Allow = new("(?:_|^)(?:public|file|version)(?:_|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SecretsUsedInArgOrEnv;

    public override IReadOnlyList<string> Supersedes => new[] { "COPT2064" };

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
                        Check(context, "ARG", key, word);
                    }
                }
                else if (syntax.Kind == InstructionKind.Env)
                {
                    foreach (var pair in syntax.KeyValues)
                    {
                        var expanded = context.Model.Expand(instruction, pair.Key.Value);
                        Check(context, "ENV", expanded.Success ? expanded.Result : pair.Key.Value, pair.Key);
                    }
                }
            }
        }
    }

    private static void Check(RuleContext context, string instruction, string key, SyntaxToken token)
    {
        if (Deny.IsMatch(key) && !Allow.IsMatch(key))
        {
            var span = instruction == "ARG" ? BuildKitSemantics.ArgNameSpan(token, key) : token.Span;
            context.Report(span, instruction, key, key.ToLowerInvariant());
        }
    }
}
