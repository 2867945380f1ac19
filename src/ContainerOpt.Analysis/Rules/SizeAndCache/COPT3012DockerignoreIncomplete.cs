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
        var what = new string[missing.Count];
        var lines = new string[missing.Count];
        for (int i = 0; i < missing.Count; i++)
        {
            (what[i], lines[i]) = missing[i];
        }
        // The lines to add quoted when the message is read (a QuotedList): no Select iterators, no quoted copies up front.
        context.Report(source.Token.Span, source.Value, Prose.And(what), new QuotedList(lines), file);
    }

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
        var scripts = context.RunScripts;
        for (int i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Script.Uses("dotnet"))
            {
                return true;
            }
        }
        return CopiesNameEndingWith(context, StringComparison.OrdinalIgnoreCase, ProjectSuffixes);
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
        // Loops, not LINQ: asked of every file with a .dockerignore, and the lambdas and iterators cost more than the test.
        var scripts = context.RunScripts;
        for (int i = 0; i < scripts.Count; i++)
        {
            var commands = scripts[i].Script.Commands;
            for (int c = 0; c < commands.Count; c++)
            {
                if (commands[c].IsAny("npm", "yarn", "pnpm") || commands[c].IsAny("npx", "node"))
                {
                    return true;
                }
            }
        }
        return CopiesNameEndingWith(context, StringComparison.Ordinal, NodeSuffixes);
    }

    private static readonly string[] ProjectSuffixes = { ".csproj", ".fsproj", ".vbproj", ".sln", ".slnx" };
    private static readonly string[] NodeSuffixes = { "package.json" };

    /// <summary>
    /// True when a COPY/ADD from the build context copies a source whose base name ends with one of the suffixes. The source
    /// itself is tested up to its trailing slashes (a suffix holds no '/', so it ends the base name exactly when it ends
    /// that): no base name is cut out of each source.
    /// </summary>
    private static bool CopiesNameEndingWith(RuleContext context, StringComparison comparison, string[] suffixes)
    {
        var instructions = context.Instructions;
        for (int i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            if (instruction.Syntax.Effective.Kind is InstructionKind.Copy or InstructionKind.Add
                && context.Facts.CopyOf(instruction) is { FromContext: true } copy)
            {
                var sources = copy.Sources;
                for (int s = 0; s < sources.Count; s++)
                {
                    string value = sources[s].Value;
                    int end = value.Length;
                    while (end > 0 && value[end - 1] == '/')
                    {
                        end--;
                    }
                    foreach (var suffix in suffixes)
                    {
                        if (end >= suffix.Length && string.Compare(value, end - suffix.Length, suffix, 0, suffix.Length, comparison) == 0)
                        {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
