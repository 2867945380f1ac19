using ContainerOpt.Analysis.Shell;
using ContainerOpt.Core.Text;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Facts;

/// <summary>A cache a package-manager command writes to disk (and so into the layer, unless cleaned or mounted).</summary>
public sealed class CacheProduct
{
    public CacheProduct(CacheKind kind, IReadOnlyList<string> paths, PackageCall producer, StepCommand at)
    {
        Kind = kind;
        Paths = paths;
        Producer = producer;
        At = at;
    }

    public CacheKind Kind { get; }

    /// <summary>Where it is (absolute); when several are listed, it is in one of them.</summary>
    public IReadOnlyList<string> Paths { get; }

    public PackageCall Producer { get; }

    public StepCommand At { get; }

    public int Order => At.Order;
}

/// <summary>One kind of package-manager cache: where it lives, what cleans it, how to avoid it.</summary>
public sealed class CacheKind
{
    public CacheKind(string id, string manager, string description, string[] paths, string fix)
    {
        Id = id;
        Manager = manager;
        Description = description;
        DefaultPaths = paths;
        Fix = fix;
    }

    public string Id { get; }
    public string Manager { get; }

    /// <summary>"the apt package lists (/var/lib/apt/lists)".</summary>
    public string Description { get; }

    public IReadOnlyList<string> DefaultPaths { get; }

    /// <summary>What to do in the RUN that makes it.</summary>
    public string Fix { get; }

    public override string ToString() => Id;
}

/// <summary>Facts a cache decision needs beyond the command: the stage's apt configuration and base image.</summary>
public readonly struct CacheSetting
{
    public CacheSetting(bool aptKeepsArchives, bool gemSkipsDocuments)
    {
        AptKeepsArchives = aptKeepsArchives;
        GemSkipsDocuments = gemSkipsDocuments;
    }

    /// <summary>Debian and Ubuntu images delete downloaded .debs after each install (docker-clean) unless a step turned that off.</summary>
    public bool AptKeepsArchives { get; }

    /// <summary>The official ruby images set <c>gem: --no-document</c> in gemrc.</summary>
    public bool GemSkipsDocuments { get; }
}

/// <summary>
/// The package-manager caches the size rules know: where each lives, which commands create it, which
/// remove it. A cache under a <c>RUN --mount=type=cache</c> (or tmpfs) target never reaches the layer.
/// </summary>
public static class PackageCaches
{
    public static readonly CacheKind AptLists = new("apt-lists", "apt", "the apt package lists (/var/lib/apt/lists)",
        new[] { "/var/lib/apt/lists" }, "end the same RUN with 'rm -rf /var/lib/apt/lists/*', or mount a cache on /var/lib/apt/lists");

    public static readonly CacheKind AptArchives = new("apt-archives", "apt", "apt's package cache (/var/cache/apt)",
        new[] { "/var/cache/apt" }, "end the same RUN with 'apt-get clean', or mount a cache on /var/cache/apt");

    public static readonly CacheKind ApkCache = new("apk-cache", "apk", "the apk index and package cache (/var/cache/apk)",
        new[] { "/var/cache/apk" }, "use 'apk add --no-cache' (it needs no 'apk update'), or end the same RUN with 'rm -rf /var/cache/apk/*'");

    public static readonly CacheKind YumCache = new("yum-cache", "yum", "the yum cache (/var/cache/yum)",
        new[] { "/var/cache/yum" }, "end the same RUN with 'yum clean all', or mount a cache on /var/cache/yum");

    public static readonly CacheKind DnfCache = new("dnf-cache", "dnf", "the dnf metadata and package cache (/var/cache/dnf)",
        new[] { "/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5" }, "end the same RUN with '{0} clean all', or mount a cache on /var/cache/dnf");

    /// <summary>
    /// The dnf cache as tdnf keeps it (Photon OS, Azure Linux: the .NET images' azurelinux tags): its own folder. The same
    /// kind as <see cref="DnfCache"/> (its id: the same cleanup, the same fix), with tdnf's path in the message and the mount.
    /// </summary>
    public static readonly CacheKind TdnfCache = new("dnf-cache", "dnf", "the tdnf metadata and package cache (/var/cache/tdnf)",
        new[] { "/var/cache/tdnf" }, "end the same RUN with 'tdnf clean all', or mount a cache on /var/cache/tdnf");

    public static readonly CacheKind ZypperCache = new("zypper-cache", "zypper", "the zypper cache (/var/cache/zypp)",
        new[] { "/var/cache/zypp" }, "end the same RUN with 'zypper clean -a', or mount a cache on /var/cache/zypp");

    public static readonly CacheKind PipCache = new("pip-cache", "pip", "the pip download and wheel cache (~/.cache/pip)",
        new[] { "/root/.cache/pip" }, "add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1), or mount a cache on /root/.cache/pip");

    public static readonly CacheKind UvCache = new("uv-cache", "uv", "the uv cache (~/.cache/uv)",
        new[] { "/root/.cache/uv" }, "add --no-cache (or ENV UV_NO_CACHE=1), or mount a cache on /root/.cache/uv");

    public static readonly CacheKind NpmCache = new("npm-cache", "npm", "the npm cache (~/.npm)",
        new[] { "/root/.npm" }, "end the same RUN with 'npm cache clean --force', or mount a cache on /root/.npm");

    public static readonly CacheKind YarnCache = new("yarn-cache", "yarn", "the yarn cache (/usr/local/share/.cache/yarn)",
        new[] { "/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/root/.yarn/berry/cache" }, "end the same RUN with 'yarn cache clean', or mount a cache on /usr/local/share/.cache/yarn");

    public static readonly CacheKind GemDocuments = new("gem-docs", "gem", "the ri and rdoc documentation it generates",
        Array.Empty<string>(), "add --no-document");

    public static readonly CacheKind NuGetPackages = new("nuget-packages", "nuget", "the NuGet package cache (~/.nuget/packages)",
        new[] { "/root/.nuget/packages" }, "mount it as a cache (RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages), or end the same RUN with 'dotnet nuget locals all --clear'");

    private static readonly CacheKind[] AllKinds =
    {
        AptLists, AptArchives, ApkCache, YumCache, DnfCache, ZypperCache, PipCache, UvCache, NpmCache, YarnCache, GemDocuments, NuGetPackages,
    };

    public static IReadOnlyList<CacheKind> All => AllKinds;

    private static readonly string[] Truthy = { "1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES" };

    /// <summary>
    /// The caches a call writes. <paramref name="strict"/>: only what surely stays (apt's .debs only
    /// when docker-clean is off; gem documentation); otherwise everything it may write (for deciding
    /// whether a cleanup has anything to clean).
    /// </summary>
    public static IEnumerable<CacheProduct> Produces(PackageCall call, RunStep step, StepCommand at, bool strict, CacheSetting setting, DockerfileModel model) =>
        ProductOf(call, step, at, strict, setting, model) is { } product ? new[] { product } : Array.Empty<CacheProduct>();

    /// <summary>
    /// The cache a call writes, or null: <see cref="Produces"/> without a sequence (a call writes at most one cache);
    /// the layer simulation asks it for every package-manager call.
    /// </summary>
    public static CacheProduct? ProductOf(PackageCall call, RunStep step, StepCommand at, bool strict, CacheSetting setting, DockerfileModel model)
    {
        var command = call.Command;
        switch (call.Manager)
        {
            case "apt":
                if (call.Op == PackageOp.Update)
                {
                    return Product(AptLists, call, at);
                }
                else if (call.Op == PackageOp.Install && (!strict || setting.AptKeepsArchives))
                {
                    return Product(AptArchives, call, at);
                }
                break;
            case "apk":
                // --no-network installs only from what is already on disk: nothing is fetched, nothing is cached.
                if (call.Op == PackageOp.Update || (call.Op == PackageOp.Install && !command.HasFlag("no-cache", "no-network")))
                {
                    return Product(ApkCache, call, at);
                }
                break;
            case "yum":
                if (call.Op is PackageOp.Update or PackageOp.Install)
                {
                    return Product(YumCache, call, at);
                }
                break;
            case "dnf":
                if (call.Op is PackageOp.Update or PackageOp.Install)
                {
                    return Product(command.Name == "tdnf" ? TdnfCache : DnfCache, call, at);
                }
                break;
            case "zypper":
                if (call.Op is PackageOp.Update or PackageOp.Install)
                {
                    return Product(ZypperCache, call, at);
                }
                break;
            case "pip":
                if (call.Op == PackageOp.Install && !Pip.DisablesCache(command) && !IsTruthy(step.EnvironmentValue("PIP_NO_CACHE_DIR", at)))
                {
                    return Located(PipCache, call, at, step, model, command.FlagValue("cache-dir") ?? step.EnvironmentValue("PIP_CACHE_DIR", at));
                }
                break;
            case "uv":
                if (call.Op == PackageOp.Install && !command.HasFlag("no-cache", "n") && !IsTruthy(step.EnvironmentValue("UV_NO_CACHE", at)))
                {
                    return Located(UvCache, call, at, step, model, command.FlagValue("cache-dir") ?? step.EnvironmentValue("UV_CACHE_DIR", at));
                }
                break;
            case "npm":
                if (call.Op == PackageOp.Install)
                {
                    return Located(NpmCache, call, at, step, model,
                        command.FlagValue("cache") ?? step.EnvironmentValue("npm_config_cache", at) ?? step.EnvironmentValue("NPM_CONFIG_CACHE", at));
                }
                break;
            case "yarn":
                if (call.Op == PackageOp.Install)
                {
                    return Located(YarnCache, call, at, step, model, command.FlagValue("cache-folder") ?? step.EnvironmentValue("YARN_CACHE_FOLDER", at));
                }
                break;
            case "gem":
                if (call.Op == PackageOp.Install && strict && !setting.GemSkipsDocuments
                    && !command.HasFlag("no-document", "N", "no-doc") && !(command.HasFlag("no-ri") && command.HasFlag("no-rdoc")))
                {
                    return Product(GemDocuments, call, at);
                }
                break;
            case "nuget":
                if (call.Op is PackageOp.Install or PackageOp.Build)
                {
                    return Located(NuGetPackages, call, at, step, model, command.FlagValue("packages") ?? step.EnvironmentValue("NUGET_PACKAGES", at));
                }
                break;
        }
        return null;
    }

    /// <summary>True when a cleaning call (not a dry run) removes the product.</summary>
    public static bool Cleans(PackageCall call, CacheProduct product) =>
        call.Op == PackageOp.Clean && IsDryRun(call) is null && CleansKind(call, product.Kind.Id);

    /// <summary><see cref="Cleans"/> for a cleaning call that is not a dry run, by the kind's id.</summary>
    private static bool CleansKind(PackageCall call, string kind)
    {
        var command = call.Command;
        var operands = call.Operands;
        switch (call.Manager)
        {
            case "apt":
                string display = call.Display;
                int sub = display.IndexOf(' ') + 1;
                if (Slices.Is(display, sub, display.Length, "distclean") || Slices.Is(display, sub, display.Length, "dist-clean")) return kind is "apt-lists" or "apt-archives";
                return kind == "apt-archives";
            case "apk":
                return kind == "apk-cache";
            case "yum":
                return kind == "yum-cache" && CleansAll(operands);
            case "dnf":
                return kind == "dnf-cache" && CleansAll(operands);
            case "zypper":
                return kind == "zypper-cache";
            case "pip":
                return kind == "pip-cache" && call.Display.EndsWith("purge", StringComparison.Ordinal);
            case "uv":
                return kind == "uv-cache";
            case "npm":
                return kind == "npm-cache" && command.HasFlag("force", "f");
            case "yarn":
                return kind == "yarn-cache";
            case "nuget":
                return kind == "nuget-packages" && operands.Count > 0 && operands[0].Value is "all" or "global-packages";
        }
        return false;
    }

    /// <summary>True when removing <paramref name="target"/> removes the product.</summary>
    public static bool RemovalCleans(string target, CacheProduct product) => RemovalCleans(new LayerPaths.Removal(target), product);

    /// <summary>True when the removal removes the product (the target read once for many products).</summary>
    public static bool RemovalCleans(in LayerPaths.Removal removal, CacheProduct product)
    {
        var paths = product.Paths;
        for (int i = 0; i < paths.Count; i++)
        {
            if (removal.Covers(paths[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The kinds whose cache lives at or under the removed path (the path names a cache, not a broader directory);
    /// empty without a new list for the usual rm of anything else.
    /// </summary>
    public static IReadOnlyList<CacheKind> KindsAt(in LayerPaths.Removal removal)
    {
        string t = removal.Content;
        if (LayerPaths.IsGlob(t))
        {
            return Array.Empty<CacheKind>();
        }
        List<CacheKind>? kinds = null;
        foreach (var kind in AllKinds)
        {
            var paths = kind.DefaultPaths;
            for (int i = 0; i < paths.Count; i++)
            {
                if (LayerPaths.IsAtOrUnder(t, paths[i]))
                {
                    (kinds ??= new List<CacheKind>()).Add(kind);
                    break;
                }
            }
        }
        return kinds ?? (IReadOnlyList<CacheKind>)Array.Empty<CacheKind>();
    }

    /// <summary>The kinds a cleaning call would clean.</summary>
    public static IReadOnlyList<CacheKind> KindsCleanedBy(PackageCall call)
    {
        if (call.Op != PackageOp.Clean || IsDryRun(call) is not null)
        {
            return Array.Empty<CacheKind>();
        }
        List<CacheKind>? kinds = null;
        foreach (var kind in AllKinds)
        {
            if (CleansKind(call, kind.Id))
            {
                (kinds ??= new List<CacheKind>()).Add(kind);
            }
        }
        return kinds ?? (IReadOnlyList<CacheKind>)Array.Empty<CacheKind>();
    }

    /// <summary>The dry-run flag of <c>apt-get clean -s</c> (and its synonyms), or null.</summary>
    public static ShellWord? IsDryRun(PackageCall call) =>
        call.Manager == "apt" && call.Op == PackageOp.Clean
            ? call.Command.FindFlag(DryRunFlags)
            : null;

    private static readonly string[] DryRunFlags = { "s", "simulate", "dry-run", "just-print", "recon", "no-act" };

    public static bool IsTruthy(string? value) => value is not null && Truthy.Contains(value.Trim());

    /// <summary>The fix for a product, with the manager's own program name where it matters (microdnf clean all).</summary>
    public static string FixFor(CacheProduct product) =>
        product.Kind.Fix.Contains("{0}", StringComparison.Ordinal) ? product.Kind.Fix.Replace("{0}", product.Producer.Command.Name) : product.Kind.Fix;

    private static bool CleansAll(IReadOnlyList<ShellWord> operands) =>
        HasOperand(operands, "all") || (HasOperand(operands, "packages") && HasOperand(operands, "metadata"));

    private static bool HasOperand(IReadOnlyList<ShellWord> operands, string value)
    {
        for (int i = 0; i < operands.Count; i++)
        {
            if (operands[i].Value == value)
            {
                return true;
            }
        }
        return false;
    }

    private static CacheProduct Product(CacheKind kind, PackageCall call, StepCommand at) => new(kind, kind.DefaultPaths, call, at);

    private static CacheProduct Located(CacheKind kind, PackageCall call, StepCommand at, RunStep step, DockerfileModel model, string? directory)
    {
        if (directory is { Length: > 0 })
        {
            var word = ShellWord.Of(directory, directory, 0, 0, directory.IndexOf('$') >= 0, false);
            string? path = LayerPaths.FromWord(word, step.Instruction, model, step.Workdir, relativeIsKnown: !at.AfterCd);
            if (path is not null)
            {
                return new CacheProduct(kind, new[] { path }, call, at);
            }
        }
        return Product(kind, call, at);
    }
}
