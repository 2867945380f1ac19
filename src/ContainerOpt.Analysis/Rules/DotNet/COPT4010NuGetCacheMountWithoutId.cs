using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A <c>RUN --mount=type=cache</c> on the NuGet packages folder (<c>*/.nuget/packages</c>, or the
/// <c>NUGET_PACKAGES</c> folder) without <c>id=</c>. BuildKit keys a cache mount by its id, which defaults
/// to the target path: mounts at the same path share one cache, but a stage or Dockerfile that mounts
/// the NuGet folder elsewhere (another user's home, a NUGET_PACKAGES path) gets a separate, cold cache.
/// An explicit id shares one cache whatever the path. Info; warning when this Dockerfile already
/// mounts NuGet caches under different ids (their targets differ), so the split is certain.
/// </summary>
public sealed class COPT4010NuGetCacheMountWithoutId : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NuGetCacheMountWithoutId;

    public override void Analyze(RuleContext context)
    {
        if (context.Project is null)
        {
            return;
        }
        var mounts = new List<(InstructionFlag Flag, string Target, string Key, int Line)>();
        foreach (var instruction in context.Instructions)
        {
            var run = instruction.Syntax.Effective;
            if (run.Kind != InstructionKind.Run)
            {
                continue;
            }
            foreach (var mount in context.RunSteps.Find(instruction)!.Mounts)
            {
                if (mount.Type != "cache" || mount.Target is null)
                {
                    continue;
                }
                string target = context.Model.Expand(instruction, mount.Target).Result.TrimEnd('/');
                string? packages = instruction.Scope.KindOf("NUGET_PACKAGES") == VariableKind.Env && instruction.Scope.TryGetValue("NUGET_PACKAGES", out var p) ? p.TrimEnd('/') : null;
                if (target.EndsWith(".nuget/packages", StringComparison.Ordinal) || packages is not null && packages.Length > 0 && target == packages)
                {
                    string key = mount.Id is { } id ? "id:" + context.Model.Expand(instruction, id).Result : "target:" + target;
                    mounts.Add((mount.Flag, target, key, run.StartLine));
                }
            }
        }
        bool split = mounts.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count() > 1;
        foreach (var mount in mounts)
        {
            if (!mount.Key.StartsWith("target:", StringComparison.Ordinal))
            {
                continue;
            }
            var other = mounts.FirstOrDefault(m => m.Key != mount.Key);
            if (split && other.Flag is not null)
            {
                context.ReportAs(DiagnosticSeverity.Warning, mount.Flag.Span, mount.Target,
                    $"it and the NuGet cache mount on line {other.Line} ({Describe(other.Key)}) each get");
            }
            else
            {
                context.Report(mount.Flag.Span, mount.Target, "a stage or Dockerfile that mounts the NuGet folder at another path (another user's home, NUGET_PACKAGES) gets");
            }
        }
    }

    private static string Describe(string key) =>
        key.StartsWith("id:", StringComparison.Ordinal) ? "id '" + key.Substring(3) + "'" : "target '" + key.Substring(7) + "'";
}
