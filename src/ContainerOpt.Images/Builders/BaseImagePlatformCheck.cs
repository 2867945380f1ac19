using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// BuildKit's InvalidBaseImagePlatform (COPT1121), which needs the base images themselves: for each FROM of
/// an image (not a stage, not scratch) in a stage the build reaches, the platform the build expects — the
/// FROM's --platform (with $BUILDPLATFORM/$TARGETPLATFORM resolved), else the requested platform, else the
/// engine's — against the local image's os/arch (as BuildKit, the variant is not compared). A base image
/// that is not present locally is skipped: the builder will pull the right one.
/// </summary>
public static class BaseImagePlatformCheck
{
    /// <summary>Runs the check; <paramref name="platformOfImage"/> gives a local image's os/arch[/variant], or null when it is not there.</summary>
    public static IReadOnlyList<Finding> Run(DockerfileModel model, string? dockerfilePath, string enginePlatform, string? requestedPlatform, string? target, Func<string, string?> platformOfImage)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (platformOfImage is null) throw new ArgumentNullException(nameof(platformOfImage));

        string buildPlatform = PlatformName.Normalize(enginePlatform);
        string targetPlatform = PlatformName.Normalize(string.IsNullOrWhiteSpace(requestedPlatform) ? enginePlatform : requestedPlatform!);
        var lookup = new PlatformArgs(model.GlobalScope, buildPlatform, targetPlatform);
        var lex = new ShellLex(model.Syntax.EscapeToken);
        var findings = new List<Finding>();
        var checkedImages = new Dictionary<string, string?>(StringComparer.Ordinal);

        foreach (Stage stage in ReachableStages(model, target))
        {
            if (stage.BaseStage is not null || stage.IsScratch || stage.BaseToken is null || stage.BaseName.Length == 0) continue;

            string expected = targetPlatform;
            InstructionFlag? platformFlag = stage.From.Syntax.FindFlag("platform");
            if (platformFlag?.Value is { } written)
            {
                string expanded = lex.ProcessWord(written, lookup).Result;
                if (expanded.Length == 0) continue; // BuildKit reports the empty platform itself
                expected = PlatformName.Normalize(expanded);
            }

            if (!checkedImages.TryGetValue(stage.BaseName, out string? actual))
            {
                actual = platformOfImage(stage.BaseName);
                checkedImages[stage.BaseName] = actual;
            }
            if (actual is null) continue;
            actual = PlatformName.Normalize(actual);
            if (OsAndArchitecture(actual) == OsAndArchitecture(expected)) continue;

            DiagnosticDescriptor descriptor = DiagnosticCatalog.InvalidBaseImagePlatform;
            var span = stage.BaseToken.Span;
            findings.Add(new Finding(descriptor, descriptor.DefaultSeverity,
                descriptor.FormatMessage(stage.BaseName, actual, expected),
                dockerfilePath, model.Syntax.Source.GetLinePositionSpan(span), span));
        }
        return findings;
    }

    /// <summary>Runs the check against the engine's local images (docker/podman image inspect).</summary>
    public static IReadOnlyList<Finding> Run(DockerfileModel model, string? dockerfilePath, BuilderInfo builder, ImageBuildRequest? request)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        string? requested = request is not null && request.Platforms.Count == 1 ? request.Platforms[0] : null;
        return Run(model, dockerfilePath, builder.EnginePlatform, requested, request?.Target,
            image => ImageBuilder.TryInspect(builder, image, null, out _)?.Platform);
    }

    /// <summary>The target stage and every stage it builds on or copies from (BuildKit checks only those).</summary>
    private static IEnumerable<Stage> ReachableStages(DockerfileModel model, string? target)
    {
        Stage? root = target is null ? model.FinalStage : model.FindStage(target, model.Stages.Count);
        if (root is null) return Array.Empty<Stage>();
        var seen = new HashSet<int>();
        var pending = new Stack<Stage>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            Stage stage = pending.Pop();
            if (!seen.Add(stage.Index)) continue;
            if (stage.BaseStage is not null) pending.Push(stage.BaseStage);
            foreach (StageReference reference in stage.References)
            {
                if (reference.Target is not null) pending.Push(reference.Target);
            }
        }
        return model.Stages.Where(s => seen.Contains(s.Index));
    }

    private static string OsAndArchitecture(string platform)
    {
        string[] parts = platform.Split('/');
        return parts.Length >= 2 ? parts[0] + "/" + parts[1] : platform;
    }

    /// <summary>Global ARGs, with the platform ARGs BuildKit provides taken from this build.</summary>
    private sealed class PlatformArgs : IVariableLookup
    {
        private readonly IVariableLookup _globals;
        private readonly Dictionary<string, string> _platform = new(StringComparer.Ordinal);

        public PlatformArgs(IVariableLookup globals, string buildPlatform, string targetPlatform)
        {
            _globals = globals;
            Add("BUILD", buildPlatform);
            Add("TARGET", targetPlatform);
        }

        public bool TryGetValue(string name, out string value)
        {
            if (_platform.TryGetValue(name, out string? found))
            {
                value = found;
                return true;
            }
            return _globals.TryGetValue(name, out value);
        }

        private void Add(string prefix, string platform)
        {
            string[] parts = platform.Split('/');
            _platform[prefix + "PLATFORM"] = platform;
            _platform[prefix + "OS"] = parts[0];
            _platform[prefix + "ARCH"] = parts.Length > 1 ? parts[1] : "";
            _platform[prefix + "VARIANT"] = parts.Length > 2 ? parts[2] : "";
        }
    }
}
