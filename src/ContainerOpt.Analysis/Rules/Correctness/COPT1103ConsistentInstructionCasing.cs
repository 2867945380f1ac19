using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's ConsistentInstructionCasing: every instruction keyword of the stages is all upper or
/// all lower case, following the majority (a tie counts as upper). Mixed-case keywords (<c>From</c>)
/// are always reported. Global ARGs before the first FROM are not counted, as in BuildKit.
/// </summary>
public sealed class COPT1103ConsistentInstructionCasing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConsistentInstructionCasing;

    public override void Analyze(RuleContext context)
    {
        var keywords = new List<SyntaxToken>();
        foreach (var stage in context.Model.Stages)
        {
            if (!stage.IsImplicit)
            {
                keywords.Add(stage.From.Syntax.Keyword);
            }
            // An unknown instruction is a parse error of its own (COPT1001), not a casing question.
            keywords.AddRange(stage.Instructions.Where(i => i.Kind != InstructionKind.Unknown).Select(i => i.Syntax.Keyword));
        }
        int lower = 0, upper = 0;
        foreach (var keyword in keywords)
        {
            string k = keyword.Value;
            if (IsCased(k, upperCase: false)) lower++;
            else if (IsCased(k, upperCase: true)) upper++;
        }
        bool majorityLower = lower > upper;
        foreach (var keyword in keywords)
        {
            string k = keyword.Value;
            if (IsCased(k, upperCase: !majorityLower))
            {
                continue; // already as expected: no new string for it
            }
            string expected = majorityLower ? k.ToLowerInvariant() : k.ToUpperInvariant();
            if (k != expected)
            {
                context.Report(keyword.Span, Fixes.FixProperties.Replace(expected), k, majorityLower ? "lowercase" : "uppercase", expected);
            }
        }
    }

    /// <summary>True when the keyword equals its invariant lower (or upper) case form, tested without making that form.</summary>
    private static bool IsCased(string keyword, bool upperCase)
    {
        foreach (char c in keyword)
        {
            if (c > 0x7F)
            {
                return upperCase ? keyword == keyword.ToUpperInvariant() : keyword == keyword.ToLowerInvariant();
            }
            if (upperCase ? c is >= 'a' and <= 'z' : c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }
        return true;
    }
}
