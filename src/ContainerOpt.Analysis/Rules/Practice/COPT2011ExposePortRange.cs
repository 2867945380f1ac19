using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3011: an EXPOSE port (or either end of a port range) above 65535. Words with a
/// variable are skipped; words that are not ports at all are BuildKit's ExposeInvalidFormat.
/// Reported once per instruction, at the first port out of range.
/// </summary>
public sealed class COPT2011ExposePortRange : DockerfileRule
{
    private static readonly Regex PortPattern = new(@"^([0-9]+)(?:-([0-9]+))?(?:/[A-Za-z]+)?$", RegexOptions.CultureInvariant);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ExposePortRange;

    public override void Analyze(RuleContext context)
    {
        var instructions = context.Instructions;
        for (int i = 0; i < instructions.Count; i++)
        {
            var syntax = instructions[i].Syntax.Effective;
            if (syntax.Kind != InstructionKind.Expose)
            {
                continue;
            }
            var arguments = syntax.Arguments;
            for (int a = 0; a < arguments.Count; a++)
            {
                var word = arguments[a];
                if (!HasFiveDigits(word.Value))
                {
                    continue; // a port of up to four digits is in range: no match to make
                }
                var m = PortPattern.Match(InstructionFacts.DropQuotes(word.Value));
                if (m.Success && (OutOfRange(m.Groups[1].Value) || (m.Groups[2].Success && OutOfRange(m.Groups[2].Value))))
                {
                    context.Report(word.Span, word.Value);
                    break;
                }
            }
        }
    }

    private static bool HasFiveDigits(string text)
    {
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            run = text[i] is >= '0' and <= '9' ? run + 1 : 0;
            if (run == 5)
            {
                return true;
            }
        }
        return false;
    }

    private static bool OutOfRange(string digits)
    {
        string trimmed = digits.TrimStart('0');
        return trimmed.Length > 5 || (trimmed.Length == 5 && string.CompareOrdinal(trimmed, "65535") > 0);
    }
}
