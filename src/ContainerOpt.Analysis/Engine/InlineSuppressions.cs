using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Engine;

/// <summary>
/// The Dockerfile's own pragmas (<c># containeropt ignore=</c>, <c># hadolint ignore=</c>, <c>global ignore=</c>,
/// <c># check=skip=…;error=true</c>) applied to findings made outside the analyzer — the checks of the image
/// phase, such as InvalidBaseImagePlatform, which need an engine — so they obey the same pragmas as rules.
/// </summary>
public static class InlineSuppressions
{
    public static IReadOnlyList<Finding> Apply(DockerfileSyntax syntax, IEnumerable<Finding> findings, string? checkOverride = null)
    {
        var suppressions = Suppressions.From(syntax, checkOverride);
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            if (suppressions.IsSuppressed(finding))
            {
                continue;
            }
            var severity = suppressions.SeverityUnderCheck(finding, finding.Severity);
            kept.Add(finding.WithSeverity(severity));
        }
        return kept;
    }
}
