using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3026: FROM an image whose registry is not in <see cref="Configuration.AnalysisOptions.TrustedRegistries"/>
/// (hadolint's <c>trustedRegistries</c>). Silent while that list is empty. Patterns: <c>*</c> allows all,
/// <c>*.example.com</c> matches a suffix, <c>registry.*</c> a prefix, anything else the exact host. An image
/// without a registry is Docker Hub, allowed by <c>docker.io</c> or <c>hub.docker.com</c>. <c>scratch</c>,
/// earlier stages and bases whose variables are unknown are exempt.
/// </summary>
public sealed class COPT2026UntrustedRegistry : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UntrustedRegistry;

    public override void Analyze(RuleContext context)
    {
        if (context.Options.TrustedRegistries.Count > 0)
        {
            Check(context); // (most configurations trust every registry: no list and no closure for them)
        }
    }

    private static void Check(RuleContext context)
    {
        var allowed = context.Options.TrustedRegistries.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToArray();
        if (allowed.Length == 0)
        {
            return;
        }
        foreach (var stage in context.Model.Stages)
        {
            var token = stage.BaseToken;
            if (token is null || stage.BaseStage is not null)
            {
                continue;
            }
            string? reference = InstructionFacts.Resolve(context.Model, stage.From, token.Value);
            if (reference is null || reference.Length == 0 || string.Equals(reference, "scratch", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (ImageReference.Parse(reference) is not { } image)
            {
                continue;
            }
            string registry = image.Registry;
            bool trusted = image.IsDockerHub
                ? allowed.Any(a => Matches(a, ImageReference.DockerHub) || Matches(a, "hub.docker.com"))
                : allowed.Any(a => Matches(a, registry));
            if (!trusted)
            {
                context.Report(token.Span, reference, registry, string.Join(", ", allowed));
            }
        }
    }

    internal static bool Matches(string pattern, string registry)
    {
        if (pattern == "*")
        {
            return true;
        }
        if (pattern.StartsWith('*'))
        {
            return registry.EndsWith(pattern.Substring(1), StringComparison.OrdinalIgnoreCase);
        }
        if (pattern.EndsWith('*'))
        {
            return registry.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.OrdinalIgnoreCase);
        }
        return string.Equals(pattern, registry, StringComparison.OrdinalIgnoreCase);
    }
}
