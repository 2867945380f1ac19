using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// Writes COPY for an ADD of plain local files, in the keyword's case; flags and sources stay as written (COPY takes
/// ADD's --chown, --chmod, --link and --exclude alike). Only when COPY would do exactly what ADD did: every source is
/// plainly local (<see cref="COPT2020CopyInsteadOfAdd.PlainLocalPath"/>: a URL, git address or archive among them keeps
/// the ADD), no flag only ADD has (--checksum, --keep-git-dir, --unpack), no heredoc.
/// </summary>
public sealed class COPT2020CopyInsteadOfAddFixer : DockerfileFixer
{
    private static readonly string[] AddOnlyFlags = { "checksum", "keep-git-dir", "unpack" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyInsteadOfAdd;

    public override CodeFix? Fix(FixContext context)
    {
        var instruction = context.InstructionAt(context.Finding.Span.Start);
        var syntax = instruction?.Syntax.Effective;
        if (syntax is null || syntax.Kind != InstructionKind.Add || syntax.Heredocs.Count > 0
            || syntax.Flags.Any(f => AddOnlyFlags.Contains(f.Name, StringComparer.OrdinalIgnoreCase))
            || InstructionFacts.SourcesAndDestination(syntax) is not { } parts
            || parts.Sources.Any(s => COPT2020CopyInsteadOfAdd.PlainLocalPath(context.Model, instruction!, s.Value) is null))
        {
            return null;
        }
        string keyword = syntax.Keyword.Value == syntax.Keyword.Value.ToLowerInvariant() ? "copy" : "COPY";
        return context.Offer("Write COPY instead of ADD", context.Replace(syntax.Keyword.Span, keyword));
    }
}
