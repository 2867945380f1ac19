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
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind != InstructionKind.Expose)
            {
                continue;
            }
            foreach (var word in syntax.Arguments)
            {
                var m = PortPattern.Match(InstructionFacts.DropQuotes(word.Value));
                if (m.Success && (OutOfRange(m.Groups[1].Value) || (m.Groups[2].Success && OutOfRange(m.Groups[2].Value))))
                {
                    context.Report(word.Span, word.Value);
                    break;
                }
            }
        }
    }

    private static bool OutOfRange(string digits)
    {
        string trimmed = digits.TrimStart('0');
        return trimmed.Length > 5 || (trimmed.Length == 5 && string.CompareOrdinal(trimmed, "65535") > 0);
    }
}
