using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// A .dockerignore exists but lets through what should never reach a build: <c>.git</c>, local
/// secrets (<c>.env</c>, <c>*.pfx</c>), and — when the Dockerfile builds .NET — <c>bin/</c> and
/// <c>obj/</c> at any depth, and — when it builds Node.js — <c>node_modules</c>. Each is tested with
/// <see cref="DockerIgnore.IsExcluded"/> on sample paths (<c>.git/HEAD</c>, <c>.env</c>,
/// <c>cert.pfx</c>, <c>bin/Debug/x.dll</c> and <c>src/App/bin/Debug/x.dll</c>, <c>obj/project.assets.json</c>
/// and <c>src/App/obj/project.assets.json</c>, <c>node_modules/a/index.js</c>). Reported once, at the
/// first COPY/ADD that takes the whole context, listing every gap.
/// </summary>
public sealed class COPT3012DockerignoreIncomplete : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DockerignoreIncomplete;

    /// <summary>hadolint DL4007 (COPT2107) reports the same COPY of the whole context; this finding says what exactly leaks.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2107" };

    public override void Analyze(RuleContext context)
    {
        var ignore = context.DockerIgnore;
        if (ignore is null || context.Facts.WrittenForAnotherContext || WholeContext.FirstCopy(context) is not { } source)
        {
            return;
        }
        List<(string What, string Line)>? missing = null;
        Check(ref missing, ignore, ".git", ".git", ".git/HEAD");
        if (BuildsDotNet(context))
        {
            Check(ref missing, ignore, "bin/", "**/bin", "bin/Debug/x.dll", "src/App/bin/Debug/x.dll");
            Check(ref missing, ignore, "obj/", "**/obj", "obj/project.assets.json", "src/App/obj/project.assets.json");
        }
        if (BuildsNode(context))
        {
            Check(ref missing, ignore, "node_modules", "node_modules", "node_modules/a/index.js");
        }
        Check(ref missing, ignore, ".env", ".env", ".env");
        Check(ref missing, ignore, "*.pfx", "**/*.pfx", "cert.pfx");
        if (missing is null)
        {
            return;
        }
        string file = context.Facts.DockerIgnoreName;
        context.Report(source.Token.Span, source.Value, List(missing.Select(m => m.What)), List(missing.Select(m => "'" + m.Line + "'")), file);
    }

    private static string List(IEnumerable<string> items) => Prose.And(items);

    /// <summary>Notes a gap when the .dockerignore lets a sample path through (the second sample is asked only when the first is excluded).</summary>
    private static void Check(ref List<(string What, string Line)>? missing, DockerIgnore ignore, string what, string line, string sample, string? other = null)
    {
        if (!ignore.IsExcluded(sample) || (other is not null && !ignore.IsExcluded(other)))
        {
            (missing ??= new()).Add((what, line));
        }
    }

    /// <summary>A .NET build: a project is known, an image from mcr.microsoft.com/dotnet, a dotnet command, or a copied project file.</summary>
    private static bool BuildsDotNet(RuleContext context)
    {
        if (context.Project is not null)
        {
            return true;
        }
        foreach (var stage in context.Model.Stages)
        {
            if (stage.BaseStage is null && context.Facts.ImageReferenceOf(stage) is { Registry: "mcr.microsoft.com" } image && image.Repository.StartsWith("dotnet/", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return context.RunScripts.Any(r => r.Script.Uses("dotnet"))
            || CopiedNames(context).Any(n => n.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
                || n.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A Node.js build: an official node image, npm/yarn/pnpm/npx/node commands, or a copied package.json.</summary>
    private static bool BuildsNode(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.BaseStage is null && context.Facts.ImageReferenceOf(stage) is { } image && image.IsOfficial("node"))
            {
                return true;
            }
        }
        return context.RunScripts.Any(r => r.Script.Commands.Any(c => c.IsAny("npm", "yarn", "pnpm", "npx", "node")))
            || CopiedNames(context).Any(n => n.EndsWith("package.json", StringComparison.Ordinal));
    }

    private static IEnumerable<string> CopiedNames(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            if (instruction.Syntax.Effective.Kind is InstructionKind.Copy or InstructionKind.Add
                && context.Facts.CopyOf(instruction) is { FromContext: true } copy)
            {
                foreach (var source in copy.Sources)
                {
                    yield return LayerPaths.BaseName(source.Value);
                }
            }
        }
    }
}
