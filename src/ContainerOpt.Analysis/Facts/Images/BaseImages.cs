using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>The image a stage's chain starts from, and what the size rules know about image families.</summary>
public static class BaseImages
{
    // Made on first use (a benign race: a Regex is immutable): most files name no image whose tags they read, and making
    // the four at start-up cost some 240 K instructions (Native AOT interprets them).
    private static Regex? _debianVersion;
    private static Regex DebianVersion => _debianVersion ??= new("^(\\d+(\\.\\d+)*|bookworm|bullseye|buster|trixie|forky|sid|stable|oldstable|oldoldstable|testing|unstable)(-\\d{8})?$", RegexOptions.CultureInvariant);
    private static Regex? _languageTag;
    private static Regex LanguageTag => _languageTag ??= new("^(?<v>\\d+(\\.\\d+)*(-?(rc|a|b)\\d*)?|latest)(-(?<d>bookworm|bullseye|buster|trixie))?$", RegexOptions.CultureInvariant);
    private static Regex? _nodeTag;
    private static Regex NodeTag => _nodeTag ??= new("^(?<v>\\d+(\\.\\d+)*|lts|current|latest|[a-z]+)(-(?<d>bookworm|bullseye|buster|trixie))?$", RegexOptions.CultureInvariant);
    private static Regex? _versionOnly;
    private static Regex VersionOnly => _versionOnly ??= new("^(\\d+(\\.\\d+)*|stable|mainline|latest)$", RegexOptions.CultureInvariant);

    // Tags that are already a small variant, or have none: words looked for in the tag (ordinal: an expression per tag cost thousands of instructions).
    private static readonly string[] SmallVariantWords = { "slim", "alpine", "windowsservercore", "nanoserver", "distroless", "chiseled" };
    private static readonly string[] SmallDotNetVariantWords =
        { "chiseled", "alpine", "distroless", "nanoserver", "windowsservercore", "ltsc", "cbl-mariner", "azurelinux", "composite" };

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The FROM of the chain's root stage and the image it names (null for scratch, a variable, or no image).</summary>
    public static (InstructionSyntax From, SyntaxToken Token, ImageReference Image)? RootImage(DockerfileFacts facts, Stage stage)
    {
        var root = stage.Root;
        if (root.BaseStage is not null || root.IsScratch || root.BaseToken is null)
        {
            return null;
        }
        var image = facts.ImageReferenceOf(root);
        return image is null || image.HasVariables ? null : (root.From.Syntax, root.BaseToken, image);
    }

    /// <summary>
    /// A toolchain image in the final stage: what it carries and what to run on instead, or null.
    /// </summary>
    public static (string Carries, string Instead)? Toolchain(ImageReference image)
    {
        string tag = image.Tag ?? "latest";
        if (image.IsMicrosoft("dotnet/sdk") || image.IsMicrosoft("dotnet/core/sdk"))
        {
            var m = Regex.Match(tag, "^(\\d+\\.\\d+)");
            string version = m.Success ? m.Groups[1].Value : "<version>";
            return ("the whole .NET SDK", $"FROM mcr.microsoft.com/dotnet/aspnet:{version}, or runtime/runtime-deps for apps that are not ASP.NET Core");
        }
        if (!image.IsDockerHub)
        {
            return null;
        }
        return image.Repository switch
        {
            "golang" => ("the Go toolchain", "FROM gcr.io/distroless/static-debian12 or scratch for a static binary"),
            "rust" => ("the Rust toolchain", "FROM gcr.io/distroless/cc-debian12 or debian:12-slim"),
            "gcc" => ("GCC and its build tools", "FROM debian:12-slim"),
            "buildpack-deps" => ("compilers and hundreds of -dev packages", "FROM debian:12-slim"),
            "maven" => ("Maven and a full JDK", "FROM eclipse-temurin:<java version>-jre"),
            "gradle" => ("Gradle and a full JDK", "FROM eclipse-temurin:<java version>-jre"),
            "openjdk" when !tag.Contains("jre") => ("a full JDK", "FROM eclipse-temurin:<java version>-jre"),
            _ => null,
        };
    }

    /// <summary>
    /// The Node.js major version of a Docker Hub <c>node</c> image whose tag starts with it (<c>node:6.9-slim</c> → 6,
    /// <c>node:20-alpine</c> → 20); null for another image or a tag that names no number (<c>lts</c>, <c>latest</c>, a codename).
    /// </summary>
    public static int? NodeMajor(ImageReference image)
    {
        if (!image.IsOfficial("node") || image.Tag is not { } tag)
        {
            return null;
        }
        int major = 0, digits = 0;
        for (; digits < tag.Length && tag[digits] is >= '0' and <= '9'; digits++)
        {
            if (digits == 3)
            {
                return null; // no Node.js major has four digits: a date or a build number
            }
            major = major * 10 + (tag[digits] - '0');
        }
        return digits > 0 ? major : null;
    }

    /// <summary>A smaller variant of the same image and what the change means, or null when there is none (or it is in use).</summary>
    public static (string Variant, string Note)? SlimVariant(ImageReference image) => SlimVariant(image, dotnetKnown: false, dotnet: null);

    /// <summary>
    /// <see cref="SlimVariant(ImageReference)"/> of the image at the root of a stage's chain (<see cref="RootImage"/>): the .NET
    /// image the file's facts read from it once (<see cref="DockerfileFacts.DotNetImageOf"/>), not another parse of it.
    /// </summary>
    public static (string Variant, string Note)? SlimVariant(DockerfileFacts facts, Stage root, ImageReference image) =>
        SlimVariant(image, dotnetKnown: true, facts.DotNetImageOf(root));

    private static (string Variant, string Note)? SlimVariant(ImageReference image, bool dotnetKnown, Core.DotNet.DotNetImage? dotnet)
    {
        string? tag = image.Tag;
        string t = tag ?? "latest";
        if (!dotnetKnown)
        {
            dotnet = Core.DotNet.DotNetImage.Parse(image);
        }
        if (image.Registry == "mcr.microsoft.com" || dotnet is not null)
        {
            // mcr.microsoft.com, or a mirror's path to it (registry.example.com/mcr.microsoft.com/dotnet/aspnet).
            return Dotnet(image, t, dotnet);
        }
        if (image.Registry is "registry.access.redhat.com" or "registry.redhat.io")
        {
            var m = Regex.Match(image.Repository, "^(ubi[0-9]+)(/ubi)?$");
            return m.Success ? (image.WithRepository(m.Groups[1].Value + "/ubi-minimal", tag), "the same UBI with microdnf instead of dnf, less than half the size") : null;
        }
        if (!image.IsDockerHub || ContainsAny(t, SmallVariantWords))
        {
            return null;
        }
        switch (image.Repository)
        {
            case "debian":
                if (t == "latest") return (image.WithTag("stable-slim"), "Debian without documentation, man pages and locales, about two thirds of the size");
                var d = DebianVersion.Match(t);
                return d.Success ? (image.WithTag(t + "-slim"), "Debian without documentation, man pages and locales, about two thirds of the size") : null;
            case "python":
            case "ruby":
            case "perl":
                {
                    var m = LanguageTag.Match(t);
                    if (!m.Success) return null;
                    string v = m.Groups["v"].Value;
                    string slim = (v == "latest" ? "slim" : v + "-slim") + (m.Groups["d"].Success ? "-" + m.Groups["d"].Value : "");
                    string name = char.ToUpperInvariant(image.Repository[0]) + image.Repository.Substring(1);
                    return (image.WithTag(slim), $"the same {name} on a slim Debian without compilers and -dev headers, often under a quarter of the size");
                }
            case "node":
                {
                    var m = NodeTag.Match(t);
                    if (!m.Success) return null;
                    string v = m.Groups["v"].Value;
                    string slim = (v == "latest" ? "" : v + "-") + (m.Groups["d"].Success ? m.Groups["d"].Value + "-" : "") + "slim";
                    return (image.WithTag(slim), "the same Node.js on a slim Debian without compilers and -dev headers, about a fifth of the size; -alpine is smaller still");
                }
            case "nginx":
            case "httpd":
                return VersionOnly.IsMatch(t) ? (image.WithTag(t == "latest" ? "alpine" : t + "-alpine"), "the same server on Alpine, about a third of the size") : null;
            case "eclipse-temurin":
                {
                    if (t.Contains("jre")) return null;
                    string jre = t.Contains("jdk") ? t.Replace("jdk", "jre") : (t == "latest" ? "jre" : Regex.Replace(t, "^([0-9][0-9._+]*)", "$1-jre"));
                    return (image.WithTag(jre), "a Java runtime without the compiler and development tools, about half the size");
                }
        }
        return null;
    }

    private static (string Variant, string Note)? Dotnet(ImageReference image, string tag, Core.DotNet.DotNetImage? dotnet)
    {
        if (dotnet is null || dotnet.Kind == Core.DotNet.DotNetImageKind.Sdk || dotnet.IsRetired || dotnet.IsNightly)
        {
            return null;
        }
        if (ContainsAny(tag, SmallDotNetVariantWords))
        {
            return null;
        }
        if (!IsDotNetTag(tag, out int majorEnd, out int distroStart, out int end) || !TryParseAsciiNumber(tag, majorEnd, out int major))
        {
            return null;
        }
        int dash = tag.IndexOf('-');
        string version = dash < 0 ? tag : tag.Substring(0, dash);
        string ubuntu = IsSlice(tag, distroStart, end, "jammy") ? "jammy" : IsSlice(tag, distroStart, end, "noble") ? "noble" : major >= 8 ? "noble" : "jammy";
        if (major < 6)
        {
            return null;
        }
        return (image.WithTag(version + "-" + ubuntu + "-chiseled"),
            "the same .NET runtime on Ubuntu Chiseled, without shell or package manager and with a non-root user, about half the size; -chiseled-extra keeps ICU and tzdata, -alpine is an alternative");
    }

    /// <summary>
    /// Whether the tag reads <c>^(?&lt;major&gt;\d+)\.(?&lt;minor&gt;\d+)(\.\d+)?(-(?&lt;d&gt;[a-z0-9.-]+))?$</c> (the regex this replaced:
    /// its Match and groups were most of COPT3009's bytes): where the major version ends, where the distro part starts (-1
    /// when none) and where the text that pattern read ends (before a final newline, which the regex's $ allowed).
    /// </summary>
    private static bool IsDotNetTag(string tag, out int majorEnd, out int distroStart, out int end)
    {
        distroStart = -1;
        end = tag.Length > 0 && tag[tag.Length - 1] == '\n' ? tag.Length - 1 : tag.Length;
        majorEnd = Digits(tag, 0, end);
        if (majorEnd == 0 || majorEnd >= end || tag[majorEnd] != '.')
        {
            return false;
        }
        int i = Digits(tag, majorEnd + 1, end);
        if (i == majorEnd + 1)
        {
            return false;
        }
        if (i < end && tag[i] == '.')
        {
            int patchEnd = Digits(tag, i + 1, end);
            if (patchEnd == i + 1)
            {
                return false;
            }
            i = patchEnd;
        }
        if (i == end)
        {
            return true;
        }
        if (tag[i] != '-' || i + 1 == end)
        {
            return false;
        }
        for (int k = i + 1; k < end; k++)
        {
            if (tag[k] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return false;
            }
        }
        distroStart = i + 1;
        return true;
    }

    /// <summary>The end of the digits from <paramref name="start"/> (the regex's \d: any Unicode decimal digit).</summary>
    private static int Digits(string text, int start, int end)
    {
        while (start < end && char.IsDigit(text[start]))
        {
            start++;
        }
        return start;
    }

    /// <summary>int.TryParse of <c>text[..end)</c> with NumberStyles.None: ASCII digits only, false on overflow.</summary>
    private static bool TryParseAsciiNumber(string text, int end, out int value)
    {
        value = 0;
        for (int i = 0; i < end; i++)
        {
            int digit = text[i] - '0';
            if (digit is < 0 or > 9 || value > (int.MaxValue - digit) / 10)
            {
                value = 0;
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }

    private static bool IsSlice(string text, int start, int end, string word) =>
        start >= 0 && end - start == word.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0;
}
