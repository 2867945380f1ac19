using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
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
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var instructions = stages[s].Instructions;
            for (int n = 0; n < instructions.Count; n++)
            {
                // Only an ENV of several pairs can read a key of its own (most ENVs set one): what the stage declared before it
                // is looked up only then.
                var syntax = instructions[n].Syntax.Effective;
                if (syntax.Kind == InstructionKind.Env && syntax.KeyValues.Count > 1)
                {
                    Check(context, instructions, n, syntax);
                }
            }
        }
    }

    private static void Check(RuleContext context, ArrayView<StageInstruction> instructions, int at, InstructionSyntax syntax)
    {
        var instruction = instructions[at];
        var pairs = syntax.KeyValues;
        string[]? keys = null;
        for (int j = 0; j < pairs.Count; j++)
        {
            if (pairs[j].Value.Value.IndexOf('$') < 0)
            {
                continue; // reads no variable
            }
            if (keys is null)
            {
                keys = new string[pairs.Count];
                for (int i = 0; i < keys.Length; i++)
                {
                    keys[i] = InstructionFacts.DropQuotes(pairs[i].Key.Value);
                }
            }
            var expansion = context.Model.Expand(instruction, pairs[j].Value.Value);
            foreach (var name in expansion.Matched.Concat(expansion.Unmatched))
            {
                if (instruction.Scope.TryGetValue(name, out _) || DeclaredBefore(instructions, at, name))
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

    /// <summary>True when an ARG or ENV of the stage before <paramref name="at"/> (not one inside ONBUILD, which runs later) names the variable.</summary>
    private static bool DeclaredBefore(ArrayView<StageInstruction> instructions, int at, string name)
    {
        for (int n = 0; n < at; n++)
        {
            var syntax = instructions[n].Syntax;
            if (syntax.Kind == InstructionKind.Arg)
            {
                var words = syntax.Arguments;
                for (int i = 0; i < words.Count; i++)
                {
                    string word = words[i].Value;
                    int eq = word.IndexOf('=');
                    if (eq < 0 ? word == name : eq == name.Length && string.CompareOrdinal(word, 0, name, 0, eq) == 0)
                    {
                        return true;
                    }
                }
            }
            else if (syntax.Kind == InstructionKind.Env)
            {
                var pairs = syntax.KeyValues;
                for (int i = 0; i < pairs.Count; i++)
                {
                    if (InstructionFacts.DropQuotes(pairs[i].Key.Value) == name)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
