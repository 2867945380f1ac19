using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// <c>ADD</c> of a remote URL (http, https, or a Git repository) without <c>--checksum</c>. A Git URL
/// pinned to a full commit (<c>#&lt;40 hex digits&gt;</c>) is pinned already. Reported at each such
/// URL, in every stage and in ONBUILD ADD.
/// </summary>
public sealed class COPT3010AddRemoteWithoutChecksum : DockerfileRule
{
    private static readonly Regex PinnedCommit = new("#[0-9a-fA-F]{40}(:|$)", RegexOptions.CultureInvariant);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AddRemoteWithoutChecksum;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            if (instruction.Syntax.Effective.Kind != InstructionKind.Add || context.Facts.CopyOf(instruction) is not { } add)
            {
                continue;
            }
            if (add.Syntax.FindFlag("checksum") is not null)
            {
                continue;
            }
            foreach (var source in add.Sources)
            {
                if (!source.IsUrl || (source.IsGitUrl && PinnedCommit.IsMatch(source.Value)))
                {
                    continue;
                }
                string fix = source.IsGitUrl
                    ? "Pin the commit: ADD --checksum=<commit sha> (Dockerfile syntax 1.10+) or end the URL with #<commit sha>"
                    : "Add --checksum=sha256:<digest of the file>, or download it with curl in a RUN and verify it (sha256sum -c)";
                context.Report(source.Token.Span, source.Value, fix);
            }
        }
    }
}
