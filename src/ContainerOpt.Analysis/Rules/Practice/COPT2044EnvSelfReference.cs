using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3044: an ENV value that refers to a variable another pair of the same ENV sets
/// (<c>ENV A=1 B=$A/x</c>): every pair expands against the variables from before the ENV, so
/// <c>$A</c> is not 1. Not reported when the variable was already set or declared (ARG, ENV, the
/// base stage's ENV), nor for a pair that refers only to itself (<c>ENV PATH=/x:$PATH</c>). Variables
/// are found the way BuildKit expands (<c>'$A'</c> in single quotes is not a reference).
/// Reported once per instruction, at the first value with such a reference.
/// </summary>
public sealed class COPT2044EnvSelfReference : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.EnvSelfReference;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var instruction in stage.Instructions)
            {
                var syntax = instruction.Syntax.Effective;
                bool runsNow = ReferenceEquals(syntax, instruction.Syntax);
                if (syntax.Kind == InstructionKind.Arg && runsNow)
                {
                    foreach (var word in syntax.Arguments)
                    {
                        int eq = word.Value.IndexOf('=');
                        declared.Add(eq < 0 ? word.Value : word.Value.Substring(0, eq));
                    }
                    continue;
                }
                if (syntax.Kind != InstructionKind.Env)
                {
                    continue;
                }
                Check(context, instruction, syntax, declared);
                if (runsNow)
                {
                    foreach (var pair in syntax.KeyValues)
                    {
                        declared.Add(InstructionFacts.DropQuotes(pair.Key.Value));
                    }
                }
            }
        }
    }

    private static void Check(RuleContext context, StageInstruction instruction, InstructionSyntax syntax, HashSet<string> declared)
    {
        var pairs = syntax.KeyValues;
        var keys = pairs.Select(p => InstructionFacts.DropQuotes(p.Key.Value)).ToArray();
        for (int j = 0; j < pairs.Count; j++)
        {
            var expansion = context.Model.Expand(instruction, pairs[j].Value.Value);
            foreach (var name in expansion.Matched.Concat(expansion.Unmatched))
            {
                if (declared.Contains(name) || instruction.Scope.TryGetValue(name, out _))
                {
                    continue;
                }
                for (int i = 0; i < keys.Length; i++)
                {
                    if (i != j && keys[i] == name)
                    {
                        context.Report(pairs[j].Value.Span, pairs[j].Value.Value, "$" + name);
                        return;
                    }
                }
            }
        }
    }
}
