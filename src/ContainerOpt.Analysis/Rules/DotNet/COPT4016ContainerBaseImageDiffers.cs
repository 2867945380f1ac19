using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// The project configures the .NET SDK's own container build (<c>ContainerBaseImage</c>, or
/// <c>ContainerFamily</c> when no base image is set) and the Dockerfile's final image is built on
/// another base: the two ways of building the app's image produce different images. Registries
/// <c>docker.io</c>/<c>library/</c> and digests are ignored in the comparison; a ContainerBaseImage
/// without a tag compares the repository only (the SDK then picks the tag from the TargetFramework).
/// </summary>
public sealed class COPT4016ContainerBaseImageDiffers : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ContainerBaseImageDiffers;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        if (project is null || final is null)
        {
            return;
        }
        var root = final.Root;
        if (root.IsScratch || string.IsNullOrEmpty(root.BaseName) || root.BaseName.Contains('$'))
        {
            return;
        }
        var span = root.BaseToken?.Span ?? root.From.Syntax.Span;
        if (!string.IsNullOrWhiteSpace(project.ContainerBaseImage))
        {
            var (wantRepository, wantTag) = Normalize(project.ContainerBaseImage!);
            var (haveRepository, haveTag) = Normalize(root.BaseName);
            if (wantRepository != haveRepository || wantTag is not null && !string.Equals(wantTag, haveTag ?? "latest", StringComparison.Ordinal))
            {
                context.Report(span, root.BaseName, "ContainerBaseImage", project.ContainerBaseImage!.Trim());
            }
            return;
        }
        if (!string.IsNullOrWhiteSpace(project.ContainerFamily))
        {
            string family = project.ContainerFamily!.Trim();
            var image = context.Facts.DotNetImageOf(root);
            if (image is null || !string.Equals(image.Variant, family, StringComparison.OrdinalIgnoreCase))
            {
                context.Report(span, root.BaseName, "ContainerFamily", family);
            }
        }
    }

    private static (string Repository, string? Tag) Normalize(string reference)
    {
        string r = reference.Trim();
        int at = r.IndexOf('@');
        if (at >= 0) r = r.Substring(0, at);
        int slash = r.LastIndexOf('/');
        int colon = r.LastIndexOf(':');
        string? tag = colon > slash ? r.Substring(colon + 1) : null;
        string repository = (colon > slash ? r.Substring(0, colon) : r).ToLowerInvariant();
        foreach (var prefix in new[] { "docker.io/", "index.docker.io/", "registry-1.docker.io/" })
        {
            if (repository.StartsWith(prefix, StringComparison.Ordinal))
            {
                repository = repository.Substring(prefix.Length);
                break;
            }
        }
        if (repository.StartsWith("library/", StringComparison.Ordinal))
        {
            repository = repository.Substring(8);
        }
        return (repository, tag);
    }
}
