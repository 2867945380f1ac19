using System.Text.RegularExpressions;
using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Text;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;
using NuGet.Versioning;

namespace ContainerOpt.Core.DotNet;

/// <summary>The four .NET images: what each one holds decides which apps it can build or run.</summary>
public enum DotNetImageKind
{
    /// <summary>The SDK (and the ASP.NET Core runtime): builds apps.</summary>
    Sdk,

    /// <summary>The .NET runtime and the ASP.NET Core runtime.</summary>
    Aspnet,

    /// <summary>The .NET runtime only.</summary>
    Runtime,

    /// <summary>No .NET at all: only the native libraries .NET needs (self-contained and Native AOT apps).</summary>
    RuntimeDeps,
}

/// <summary>
/// A .NET container image reference, understood: <c>mcr.microsoft.com/dotnet/{sdk,aspnet,runtime,runtime-deps}[:tag]</c>
/// (also under <c>dotnet/nightly/</c> and behind a pull-through mirror path such as
/// <c>registry.example.com/mcr.microsoft.com/dotnet/sdk</c>), and the retired repositories
/// <c>mcr.microsoft.com/dotnet/core/*</c>, <c>mcr.microsoft.com/dotnet/core-nightly/*</c>, <c>microsoft/dotnet</c>,
/// <c>microsoft/dotnet-nightly</c>, <c>microsoft/aspnetcore</c> and <c>microsoft/aspnetcore-build</c> on Docker Hub.
/// Tags: <c>8.0</c>, <c>8.0.11</c>, <c>8.0-alpine3.20</c>, <c>8.0-noble-chiseled-extra</c>, <c>10.0-preview</c>,
/// <c>10.0.100-rc.2-noble</c>, legacy <c>2.1-aspnetcore-runtime</c>. .NET Framework images
/// (<c>mcr.microsoft.com/dotnet/framework/*</c>) are not .NET images here.
/// </summary>
public sealed class DotNetImage
{
    private static readonly HashSet<string> ArchitectureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "amd64", "arm64", "arm64v8", "arm32", "arm32v7", "x64", "arm",
    };

    /// <summary>microsoft/dotnet spelled the kind in the tag (<c>2.1-aspnetcore-runtime</c>).</summary>
    private bool _kindInTag;

    private DotNetImage(string reference, string repository, string? tag, DotNetImageKind kind, Version? version,
        IReadOnlyList<string> variantParts, bool isPreview, bool isRetired, bool isNightly)
    {
        Reference = reference;
        Repository = repository;
        Tag = tag;
        Kind = kind;
        Version = version;
        VariantParts = variantParts;
        IsPreview = isPreview;
        IsRetired = isRetired;
        IsNightly = isNightly;
        for (int i = 0; i < variantParts.Count; i++)
        {
            string p = InvariantCase.ToLower(variantParts[i]);
            IsAlpine |= p.StartsWith("alpine", StringComparison.Ordinal);
            IsChiseled |= p == "chiseled";
            IsDistroless |= p == "distroless";
            IsExtra |= p == "extra";
            IsAot |= p == "aot";
            IsComposite |= p == "composite";
            IsWindows |= p.StartsWith("nanoserver", StringComparison.Ordinal) || p.StartsWith("windowsservercore", StringComparison.Ordinal);
        }
    }

    /// <summary>The reference after ARG expansion, as FROM pulls it.</summary>
    public string Reference { get; }

    /// <summary>The reference without tag and digest.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public DotNetImageKind Kind { get; }

    /// <summary>Major.minor of .NET in the image (the SDK's 8.0.404 gives 8.0), or null for <c>latest</c> and other tags without one.</summary>
    public Version? Version { get; }

    /// <summary>The words of the tag after the version, without preview and architecture words (<c>noble</c>, <c>chiseled</c>, <c>extra</c>).</summary>
    public IReadOnlyList<string> VariantParts { get; }

    /// <summary>The variant the way tags spell it (<c>noble-chiseled-extra</c>; empty for the default Debian image).</summary>
    public string Variant => string.Join("-", VariantParts);

    /// <summary>A preview or release-candidate tag (<c>10.0-preview</c>, <c>10.0.100-rc.2</c>).</summary>
    public bool IsPreview { get; }

    /// <summary>A repository Microsoft no longer updates (<c>mcr.microsoft.com/dotnet/core/*</c>, <c>microsoft/dotnet</c> ...).</summary>
    public bool IsRetired { get; }

    public bool IsNightly { get; }

    public bool IsAlpine { get; }
    public bool IsChiseled { get; }
    public bool IsDistroless { get; }

    /// <summary>The <c>-extra</c> variants of chiseled, distroless and Alpine images add ICU and tzdata.</summary>
    public bool IsExtra { get; }
    public bool IsAot { get; }
    public bool IsComposite { get; }
    public bool IsWindows { get; }

    /// <summary>
    /// False when the image has no ICU libraries: Alpine, Ubuntu chiseled and Azure Linux distroless
    /// runtime images without <c>-extra</c> (they set <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true</c>).
    /// The SDK images always carry ICU.
    /// </summary>
    public bool HasIcu => Kind == DotNetImageKind.Sdk || IsExtra || !(IsAlpine || IsChiseled || IsDistroless);

    /// <summary>.NET 8+ images define the non-root user <c>app</c> (UID in <c>$APP_UID</c>).</summary>
    public bool HasAppUser => Version is not null && Version.Major >= 8 && !IsWindows;

    /// <summary>Chiseled and distroless images already run as <c>USER $APP_UID</c>.</summary>
    public bool RunsAsNonRoot => HasAppUser && (IsChiseled || IsDistroless);

    /// <summary>The repository's name for its kind: sdk, aspnet, runtime, runtime-deps.</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The current repository for this kind.</summary>
    public string CurrentRepository => "mcr.microsoft.com/dotnet/" + KindName;

    /// <summary>The stage whose FROM names the image (set by <see cref="ForStage(Stage)"/>).</summary>
    public Stage? Stage { get; private set; }

    /// <summary>The image word of the FROM, or the whole FROM when it has none.</summary>
    public TextSpan TokenSpan { get; private set; }

    /// <summary>The repository (<c>mcr.microsoft.com/dotnet/core/sdk</c>), or the image word when ARGs make it unknowable.</summary>
    public TextSpan RepositorySpan { get; private set; }

    /// <summary>The last repository segment (<c>aspnet</c>), or the image word when ARGs make it unknowable.</summary>
    public TextSpan KindSpan { get; private set; }

    /// <summary>The tag (<c>8.0-alpine</c>), or the image word when there is none or ARGs make it unknowable.</summary>
    public TextSpan TagSpan { get; private set; }

    public static string NameOf(DotNetImageKind kind) => kind switch
    {
        DotNetImageKind.Sdk => "sdk",
        DotNetImageKind.Aspnet => "aspnet",
        DotNetImageKind.Runtime => "runtime",
        _ => "runtime-deps",
    };

    /// <summary>The image a stage's FROM names directly, or null when it names another stage, scratch or a non-.NET image.</summary>
    public static DotNetImage? ForStage(Stage stage) =>
        ForStage(stage, stage.BaseStage is null && !stage.IsScratch ? ImageReference.Parse(stage.BaseName) : null);

    /// <summary>
    /// <see cref="ForStage(Stage)"/> with the stage's base already parsed (<paramref name="reference"/>: its
    /// <see cref="Stage.BaseName"/> read as an image reference), so a file's facts parse each FROM once.
    /// </summary>
    public static DotNetImage? ForStage(Stage stage, ImageReference? reference)
    {
        if (stage.BaseStage is not null || stage.IsScratch || reference is null)
        {
            return null;
        }
        var image = Parse(reference);
        if (image is null)
        {
            return null;
        }
        image.Stage = stage;
        var token = stage.BaseToken;
        var whole = token?.Span ?? stage.From.Syntax.Span;
        image.TokenSpan = whole;
        image.KindSpan = whole;
        image.TagSpan = whole;
        image.RepositorySpan = whole;
        if (token is not null && token.Value.Length == token.Span.Length)
        {
            var (segmentStart, repositoryEnd, tagStart, tagEnd) = Split(token.Value);
            if (repositoryEnd > segmentStart && token.Value.IndexOf('$', segmentStart, repositoryEnd - segmentStart) < 0)
            {
                image.KindSpan = new TextSpan(whole.Start + segmentStart, repositoryEnd - segmentStart);
            }
            if (token.Value.IndexOf('$', 0, repositoryEnd) < 0)
            {
                image.RepositorySpan = new TextSpan(whole.Start, repositoryEnd);
            }
            if (tagStart >= 0 && tagEnd > tagStart)
            {
                image.TagSpan = new TextSpan(whole.Start + tagStart, tagEnd - tagStart);
            }
            if (image._kindInTag)
            {
                image.KindSpan = image.TagSpan;
            }
        }
        return image;
    }

    /// <summary>The .NET image a stage ends up on (through its <c>FROM stage</c> chain), or null.</summary>
    public static DotNetImage? BaseOf(Stage stage) => ForStage(stage.Root);

    /// <summary>Parses an expanded image reference; null when it is not a .NET image.</summary>
    public static DotNetImage? Parse(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Contains('$'))
        {
            return null;
        }
        // Every .NET image names Microsoft (mcr.microsoft.com/dotnet/..., microsoft/dotnet): any other image (most of
        // them) is rejected before it is split into parts.
        if (!NamesMicrosoft(reference))
        {
            return null;
        }
        return ImageReference.Parse(reference) is { } image ? Read(image) : null;
    }

    /// <summary><see cref="Parse(string)"/> of a reference already parsed (its text trimmed, one word).</summary>
    public static DotNetImage? Parse(ImageReference image)
    {
        // The same checks as of the text: Parse(string) trims like ImageReference does, so '$' and "microsoft" are in both or neither.
        if (image.Text.IndexOf('$') >= 0 || !NamesMicrosoft(image.Text))
        {
            return null;
        }
        return Read(image);
    }

    /// <summary>
    /// Whether the reference holds "microsoft" in any case, as OrdinalIgnoreCase's IndexOf says; an ASCII reference (all of
    /// them in practice) is searched without the casing tables: every FROM of every file is asked.
    /// </summary>
    private static bool NamesMicrosoft(string reference) => AsciiText.IsAscii(reference, reference.Length)
        ? AsciiText.ContainsIgnoringCase(reference, reference.Length, "microsoft")
        : reference.IndexOf("microsoft", StringComparison.OrdinalIgnoreCase) >= 0;

    private static DotNetImage? Read(ImageReference image)
    {
        string r = image.Text;
        string repository = image.NameAsWritten;
        string? tag = image.Tag;

        // Docker Hub's retired repositories: microsoft/dotnet, microsoft/aspnetcore ...
        if (image.IsDockerHub && image.Repository.StartsWith("microsoft/", StringComparison.Ordinal) && image.Repository.IndexOf('/', 10) < 0)
        {
            string name = image.Repository.Substring("microsoft/".Length);
            DotNetImageKind? legacyKind = name switch
            {
                "dotnet" or "dotnet-nightly" => LegacyKindFromTag(tag),
                "aspnetcore" or "aspnetcore-nightly" => DotNetImageKind.Aspnet,
                "aspnetcore-build" or "aspnetcore-build-nightly" => DotNetImageKind.Sdk,
                _ => null,
            };
            if (legacyKind is null)
            {
                return null;
            }
            var (legacyVersion, legacyParts, legacyPreview) = ParseTag(tag, legacy: true);
            return new DotNetImage(r, repository, tag, legacyKind.Value, legacyVersion, legacyParts, legacyPreview,
                isRetired: true, isNightly: name.EndsWith("-nightly", StringComparison.Ordinal))
            {
                _kindInTag = name.StartsWith("dotnet", StringComparison.Ordinal),
            };
        }

        // mcr.microsoft.com/dotnet/..., as registry or as a mirror's path segment: the path's segments read in place.
        string path = InvariantCase.ToLower(repository);
        for (int start = 0; ;)
        {
            int end = path.IndexOf('/', start);
            if (end < 0)
            {
                return null; // no segment after this one
            }
            int next = end + 1;
            int nextEnd = path.IndexOf('/', next);
            if (!Slices.Is(path, start, end, "mcr.microsoft.com") || !Slices.Is(path, next, nextEnd < 0 ? path.Length : nextEnd, "dotnet"))
            {
                start = next;
                continue;
            }
            // The segments after mcr.microsoft.com/dotnet: the kind, or a retired/nightly folder and the kind.
            if (nextEnd < 0)
            {
                return null;
            }
            int kindStart = nextEnd + 1;
            int slash = path.IndexOf('/', kindStart);
            bool retired = false, nightly = false;
            if (slash >= 0)
            {
                bool core = Slices.Is(path, kindStart, slash, "core"), coreNightly = Slices.Is(path, kindStart, slash, "core-nightly");
                if (!(core || coreNightly || Slices.Is(path, kindStart, slash, "nightly")) || path.IndexOf('/', slash + 1) >= 0)
                {
                    return null;
                }
                retired = core || coreNightly;
                nightly = !core;
                kindStart = slash + 1;
            }
            DotNetImageKind? kind =
                Slices.Is(path, kindStart, path.Length, "sdk") ? DotNetImageKind.Sdk
                : Slices.Is(path, kindStart, path.Length, "aspnet") ? DotNetImageKind.Aspnet
                : Slices.Is(path, kindStart, path.Length, "runtime") ? DotNetImageKind.Runtime
                : Slices.Is(path, kindStart, path.Length, "runtime-deps") ? DotNetImageKind.RuntimeDeps
                : null;
            if (kind is null)
            {
                return null;
            }
            var (version, parts, preview) = ParseTag(tag, legacy: false);
            return new DotNetImage(r, repository, tag, kind.Value, version, parts, preview, retired, nightly);
        }
    }

    /// <summary>
    /// The tag for another version, keeping what carries over (<c>6.0-alpine3.16</c> gives <c>10.0-alpine</c>,
    /// <c>8.0-jammy-chiseled-extra</c> gives <c>10.0-noble-chiseled-extra</c>, <c>3.1-nanoserver-1809</c> gives
    /// <c>10.0-nanoserver-ltsc2022</c>): distribution releases differ between .NET versions, so only the flavour is kept (and
    /// the Windows version, where the new .NET publishes it). The same version keeps the tag as it is.
    /// </summary>
    public string TagFor(Version version)
    {
        string v = version.Major + "." + version.Minor;
        if (Version is not null && Version.Major == version.Major && Version.Minor == version.Minor && Tag is not null && !IsRetired)
        {
            return VariantParts.Count == 0 ? v : v + "-" + Variant;
        }
        var words = new List<string>();
        for (int i = 0; i < VariantParts.Count; i++)
        {
            string p = VariantParts[i].ToLowerInvariant();
            if (p is "nanoserver" or "windowsservercore")
            {
                words.Add(p);
                words.Add(WindowsVersionFor(i + 1 < VariantParts.Count ? VariantParts[i + 1].ToLowerInvariant() : null, version.Major));
            }
            else if (p.StartsWith("alpine", StringComparison.Ordinal))
            {
                words.Add("alpine");
            }
            else if (p is "chiseled" or "distroless")
            {
                words.Add(p == "chiseled" ? "noble" : "azurelinux3.0");
                words.Add(p);
            }
            else if (p is "extra" or "composite" or "aot")
            {
                words.Add(p);
            }
        }
        return words.Count == 0 ? v : v + "-" + string.Join("-", words);
    }

    /// <summary>
    /// The Windows Server version of a Nano Server or Server Core tag for .NET <paramref name="major"/>: the same one when that
    /// .NET publishes it (ltsc2022 and ltsc2025 from .NET 6 on; 1809 / ltsc2019 up to .NET 9: .NET 10 publishes no Windows
    /// Server 2019 images), else ltsc2022, the oldest still published (the semi-annual 1903 to 20H2 and sac2016 are retired).
    /// </summary>
    private static string WindowsVersionFor(string? current, int major) => current switch
    {
        "ltsc2022" or "ltsc2025" => current,
        "1809" or "ltsc2019" when major < 10 => current,
        _ => "ltsc2022",
    };

    private static DotNetImageKind LegacyKindFromTag(string? tag)
    {
        string t = (tag ?? "").ToLowerInvariant();
        if (t.Contains("sdk", StringComparison.Ordinal)) return DotNetImageKind.Sdk;
        if (t.Contains("aspnetcore-runtime", StringComparison.Ordinal)) return DotNetImageKind.Aspnet;
        if (t.Contains("runtime-deps", StringComparison.Ordinal)) return DotNetImageKind.RuntimeDeps;
        if (t.Contains("runtime", StringComparison.Ordinal)) return DotNetImageKind.Runtime;
        return DotNetImageKind.Sdk; // microsoft/dotnet:latest and bare versions were the SDK
    }

    private static (Version? Version, IReadOnlyList<string> Parts, bool Preview) ParseTag(string? tag, bool legacy)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return (null, Array.Empty<string>(), false);
        }
        // The words between '-' are read in place (no Split), and only a variant word becomes a string of its own.
        int firstEnd = tag!.IndexOf('-');
        if (firstEnd < 0)
        {
            firstEnd = tag.Length;
        }
        Version? version = null;
        int start = 0;
        // NuGet's version grammar: 8.0, 8.0.11, 10.0.100 (a tag word without a '.' is not a .NET version).
        if (tag.IndexOf('.', 0, firstEnd) > 0 && (PlainVersion(tag, firstEnd) ?? NuGetVersionOf(tag.Substring(0, firstEnd))) is { } read)
        {
            start = firstEnd + 1;
            version = read;
        }
        bool preview = false;
        List<string>? parts = null;
        for (int wordStart = start, wordEnd; wordStart <= tag.Length; wordStart = wordEnd + 1)
        {
            wordEnd = tag.IndexOf('-', wordStart);
            if (wordEnd < 0)
            {
                wordEnd = tag.Length;
            }
            if (wordEnd == wordStart)
            {
                continue; // an empty word ("8.0--x")
            }
            string w = tag.Substring(wordStart, wordEnd - wordStart);
            string lower = InvariantCase.ToLower(w);
            if (lower.StartsWith("preview", StringComparison.Ordinal) || lower.StartsWith("rc", StringComparison.Ordinal) && (lower.Length == 2 || char.IsDigit(lower[2]) || lower[2] == '.'))
            {
                preview = true;
                continue;
            }
            if (ArchitectureWords.Contains(w))
            {
                continue;
            }
            if (legacy && lower is "sdk" or "aspnetcore" or "runtime" or "deps")
            {
                continue;
            }
            (parts ??= new List<string>()).Add(w);
        }
        return (version, parts ?? (IReadOnlyList<string>)Array.Empty<string>(), preview); // the default variant (most images) makes no list
    }

    /// <summary>Major.minor of a release version as NuGet reads it (a prerelease is not a .NET version here), or null.</summary>
    private static Version? NuGetVersionOf(string word) =>
        NuGetVersion.TryParse(word, out var parsed) && !parsed.IsPrerelease ? new Version(parsed.Major, parsed.Minor) : null;

    /// <summary>
    /// Major.minor of a version written as NuGet writes it plainly (<c>8.0</c>, <c>8.0.11</c>, <c>10.0.100</c>: two to four
    /// numbers without leading zeros), read in place from the first <paramref name="end"/> characters; null for any other word, which NuGet's parser then reads. Every .NET
    /// tag starts with one, and NuGet's parser allocates its whole version to give the same two numbers.
    /// </summary>
    private static Version? PlainVersion(string text, int end)
    {
        int major = 0, minor = 0, parts = 0, digits = 0, value = 0;
        for (int i = 0; i <= end; i++)
        {
            char c = i < end ? text[i] : '.';
            if (c is >= '0' and <= '9')
            {
                if ((digits == 1 && value == 0) || digits == 9)
                {
                    return null; // a leading zero or a number that may not fit: NuGet's parser decides
                }
                value = value * 10 + (c - '0');
                digits++;
                continue;
            }
            if (c != '.' || digits == 0 || parts == 4)
            {
                return null;
            }
            if (parts == 0) major = value;
            else if (parts == 1) minor = value;
            parts++;
            digits = 0;
            value = 0;
        }
        return parts >= 2 ? new Version(major, minor) : null;
    }

    /// <summary>
    /// Splits an image word (ARG references kept) into its last repository segment, its tag and its
    /// digest: returns the segment's start, the repository's end, and the tag's bounds (-1 when none).
    /// A ':' inside <c>${...}</c> is not a tag separator.
    /// </summary>
    private static (int SegmentStart, int RepositoryEnd, int TagStart, int TagEnd) Split(string raw)
    {
        int depth = 0, digest = raw.Length, lastSlash = -1, lastColon = -1;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '$' && i + 1 < raw.Length && raw[i + 1] == '{')
            {
                depth++;
                i++;
                continue;
            }
            if (depth > 0)
            {
                if (c == '}') depth--;
                continue;
            }
            if (c == '@')
            {
                digest = i;
                break;
            }
            if (c == '/')
            {
                lastSlash = i;
                lastColon = -1;
            }
            else if (c == ':')
            {
                lastColon = i;
            }
        }
        int repositoryEnd = lastColon >= 0 ? lastColon : digest;
        return (lastSlash + 1, repositoryEnd, lastColon >= 0 ? lastColon + 1 : -1, lastColon >= 0 ? digest : -1);
    }

    public override string ToString() => Reference;
}
