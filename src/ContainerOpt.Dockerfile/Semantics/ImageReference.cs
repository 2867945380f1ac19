using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Semantics;

/// <summary>
/// An image reference read the way Docker and BuildKit read it (distribution/reference):
/// <c>[registry/]path[:tag][@digest]</c>. The first path component is a registry only when it looks like a
/// host (has a '.' or ':', or is <c>localhost</c>); otherwise the image is on Docker Hub, where
/// <c>python</c>, <c>library/python</c> and <c>docker.io/library/python</c> are the same repository.
/// The one image-reference type of the product: rules, the image reader and the generator all use it.
/// </summary>
public sealed class ImageReference
{
    /// <summary>Docker Hub's canonical registry name.</summary>
    public const string DockerHub = "docker.io";

    private ImageReference(string text, string? writtenRegistry, string path, string? tag, int tagStart, string? digest)
    {
        Text = text;
        WrittenRegistry = writtenRegistry;
        Path = path;
        Tag = tag;
        TagStart = tagStart;
        Digest = digest;
        string registry = writtenRegistry is null ? DockerHub : InvariantCase.ToLower(writtenRegistry);
        Registry = registry is "index.docker.io" or "registry-1.docker.io" ? DockerHub : registry;
        string repository = InvariantCase.ToLower(path);
        if (Registry == DockerHub && repository.StartsWith("library/", StringComparison.Ordinal) && repository.IndexOf('/', 8) < 0)
        {
            repository = repository.Substring("library/".Length);
        }
        Repository = repository;
    }

    /// <summary>The reference as parsed (trimmed).</summary>
    public string Text { get; }

    /// <summary>The registry as written, or null when the reference names none (Docker Hub).</summary>
    public string? WrittenRegistry { get; }

    /// <summary>The registry host, lower case: <c>docker.io</c> when none is written (and for index.docker.io).</summary>
    public string Registry { get; }

    /// <summary>The repository path as written, without registry, tag or digest (<c>library/python</c>, <c>dotnet/aspnet</c>).</summary>
    public string Path { get; }

    /// <summary>The repository, lower case, without Docker Hub's <c>library/</c> for official images: <c>python</c>, <c>dotnet/aspnet</c>.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    /// <summary>Offset of the tag in <see cref="Text"/>, or -1.</summary>
    public int TagStart { get; }

    public string? Digest { get; }

    /// <summary>Registry and path as written (no tag, no digest).</summary>
    public string NameAsWritten => WrittenRegistry is null ? Path : WrittenRegistry + "/" + Path;

    public bool IsDockerHub => Registry == DockerHub;

    /// <summary>
    /// The repository as a registry's API names it, lower case: Docker Hub keeps <c>library/</c> for official images
    /// (<c>library/python</c>), other registries take <see cref="Repository"/> as it is.
    /// </summary>
    public string RegistryRepository => IsDockerHub && Repository.IndexOf('/') < 0 ? "library/" + Repository : Repository;

    /// <summary>
    /// Where the registry's distribution API answers, host and optional port: <c>registry-1.docker.io</c> for Docker Hub,
    /// else <see cref="Registry"/> (<c>localhost:5000</c>, <c>ghcr.io</c>).
    /// </summary>
    public string RegistryEndpoint => IsDockerHub ? DockerHubEndpoint : Registry;

    /// <summary>The host Docker Hub's distribution API answers on.</summary>
    public const string DockerHubEndpoint = "registry-1.docker.io";

    /// <summary>True when the text still holds a variable reference (an ARG without a value).</summary>
    public bool HasVariables => Text.IndexOf('$') >= 0;

    /// <summary>An official Docker Hub image (<c>python</c>, <c>library/python</c>, <c>docker.io/library/python</c>).</summary>
    public bool IsOfficial(string name) => IsDockerHub && Repository == name;

    /// <summary>A repository of Microsoft's registry (<c>dotnet/sdk</c> for <c>mcr.microsoft.com/dotnet/sdk</c>).</summary>
    public bool IsMicrosoft(string repository) => Registry == "mcr.microsoft.com" && Repository == repository;

    /// <summary>The name docker lists the image by: <c>python:3.12</c>, <c>ghcr.io/org/app:latest</c> (no digest; <c>latest</c> when untagged).</summary>
    public string FamiliarName => (IsDockerHub ? Repository : Registry + "/" + Repository) + ":" + (Tag ?? "latest");

    /// <summary>The same image name with another tag (the digest is dropped: it pins the old tag).</summary>
    public string WithTag(string tag) => NameAsWritten + ":" + tag;

    /// <summary>Another repository on the same registry, written the way this one is (short on Docker Hub).</summary>
    public string WithRepository(string repository, string? tag) =>
        (IsDockerHub && WrittenRegistry is null && Path.IndexOf('/') < 0 ? repository : Registry + "/" + repository) + (tag is null ? "" : ":" + tag);

    /// <summary>Splits a reference; null when it is empty or holds whitespace (not one word).</summary>
    public static ImageReference? Parse(string? reference)
    {
        if (reference is null)
        {
            return null;
        }
        string text = reference.Trim();
        if (text.Length == 0 || HasWhiteSpace(text))
        {
            return null;
        }
        // Bounds first, then each part cut once (not a shorter "rest" string per step).
        string? digest = null;
        int nameEnd = text.IndexOf('@');
        if (nameEnd >= 0)
        {
            digest = text.Substring(nameEnd + 1);
        }
        else
        {
            nameEnd = text.Length;
        }
        string? tag = null;
        int tagStart = -1;
        int colon = nameEnd == 0 ? -1 : text.LastIndexOf(':', nameEnd - 1, nameEnd);
        if (colon >= 0 && colon > text.LastIndexOf('/', nameEnd - 1, nameEnd))
        {
            tag = text.Substring(colon + 1, nameEnd - colon - 1);
            tagStart = colon + 1;
            nameEnd = colon;
        }
        string? registry = null;
        int pathStart = 0;
        int slash = nameEnd == 0 ? -1 : text.IndexOf('/', 0, nameEnd);
        if (slash > 0 && LooksLikeHost(text, slash))
        {
            registry = text.Substring(0, slash);
            pathStart = slash + 1;
        }
        string rest = pathStart == 0 && nameEnd == text.Length ? text : text.Substring(pathStart, nameEnd - pathStart);
        return new ImageReference(text, registry, rest, tag, tagStart, digest);
    }

    /// <summary>True when two references name the same image as docker resolves names (<c>myapp</c> = <c>docker.io/library/myapp:latest</c>).</summary>
    public static bool SameImage(string a, string b)
    {
        var x = Parse(a);
        var y = Parse(b);
        if (x is null || y is null)
        {
            return false;
        }
        string fx = x.FamiliarName, fy = y.FamiliarName;
        // Podman stores unqualified local names as localhost/name (and saves them so).
        return string.Equals(fx, fy, StringComparison.Ordinal)
            || string.Equals(fx, LocalhostPrefix + fy, StringComparison.Ordinal)
            || string.Equals(LocalhostPrefix + fx, fy, StringComparison.Ordinal);
    }

    private const string LocalhostPrefix = "localhost/";

    private static bool HasWhiteSpace(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="text"/>'s first <paramref name="length"/> characters look like a registry host (a '.' or ':', or localhost).</summary>
    private static bool LooksLikeHost(string text, int length) =>
        text.IndexOf('.', 0, length) >= 0 || text.IndexOf(':', 0, length) >= 0
        || (length == 9 && string.CompareOrdinal(text, 0, "localhost", 0, 9) == 0);

    // Docker's reference grammar (distribution/reference), as ParseNormalizedNamed applies it.
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string DomainPattern = "(?:" + DomainComponent + "(?:\\." + DomainComponent + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static readonly Regex ReferencePattern = new(
        "^(?:" + DomainPattern + "/)?" + PathComponent + "(?:/" + PathComponent + ")*" +
        "(?::[\\w][\\w.-]{0,127})?" +
        "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant);
    private static readonly Regex HexIdentifier = new("^[a-f0-9]{64}$", RegexOptions.CultureInvariant);

    /// <summary>True when BuildKit (reference.ParseNormalizedNamed) accepts <paramref name="reference"/> as an image name.</summary>
    public static bool IsValid(string reference)
    {
        bool ascii = IsPlainAscii(reference);
        if (reference.Length == 0 || (ascii ? IsHexIdentifier(reference) : HexIdentifier.IsMatch(reference)))
        {
            return false;
        }
        // The registry is the first component only when it looks like a host (or has capitals); the rest must be lowercase.
        // The name is reference[nameStart, nameEnd): bounds, not substrings, and lower case tested in place.
        int slash = reference.IndexOf('/');
        int nameStart = 0;
        if (slash >= 0 && (LooksLikeHost(reference, slash) || !InvariantCase.IsCased(reference, 0, slash, upperCase: false)))
        {
            nameStart = slash + 1;
        }
        int nameEnd = reference.IndexOf('@', nameStart);
        if (nameEnd < 0) nameEnd = reference.Length;
        int colon = nameEnd > nameStart ? reference.LastIndexOf(':', nameEnd - 1, nameEnd - nameStart) : -1;
        if (colon >= 0) nameEnd = colon;
        if (!InvariantCase.IsCased(reference, nameStart, nameEnd - nameStart, upperCase: false)
            || !(ascii ? MatchesReferenceGrammar(reference) : ReferencePattern.IsMatch(reference)))
        {
            return false;
        }
        int nameLength = reference.Length;
        int atFull = reference.IndexOf('@');
        if (atFull >= 0) nameLength = atFull;
        int lastSlash = reference.LastIndexOf('/', nameLength - 1);
        int tagColon = reference.IndexOf(':', lastSlash + 1);
        if (tagColon >= 0 && tagColon < nameLength) nameLength = tagColon;
        return nameLength <= 255;
    }

    // The grammar above by hand, for the usual reference: ASCII without a line break (where \w is [A-Za-z0-9_] and
    // $ is the end). Others take the regexes. The optional domain is tried first, then the whole as a path.

    private static bool IsPlainAscii(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] >= 0x7F || text[i] == '\n')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsHexIdentifier(string text)
    {
        if (text.Length != 64)
        {
            return false;
        }
        foreach (char c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAlphanumeric(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    private static bool IsLowerAlphanumeric(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

    private static bool IsWordChar(char c) => IsAlphanumeric(c) || c == '_';

    private static bool MatchesReferenceGrammar(string text)
    {
        int slash = text.IndexOf('/');
        return (slash > 0 && IsDomain(text, 0, slash) && MatchesRemainder(text, slash + 1)) || MatchesRemainder(text, 0);
    }

    /// <summary><c>DomainPattern</c> over exactly [start, end).</summary>
    private static bool IsDomain(string text, int start, int end)
    {
        int p = start;
        if (p < end && text[p] == '[')
        {
            int close = text.IndexOf(']', p + 1);
            if (close < 0 || close >= end || close == p + 1)
            {
                return false;
            }
            for (int i = p + 1; i < close; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'))
                {
                    return false;
                }
            }
            p = close + 1;
        }
        else
        {
            while (true)
            {
                // A component: alphanumerics and '-', starting and ending with an alphanumeric.
                int componentStart = p;
                while (p < end && (IsAlphanumeric(text[p]) || text[p] == '-')) p++;
                if (p == componentStart || !IsAlphanumeric(text[componentStart]) || !IsAlphanumeric(text[p - 1]))
                {
                    return false;
                }
                if (p < end && text[p] == '.')
                {
                    p++;
                    continue;
                }
                break;
            }
        }
        if (p < end && text[p] == ':')
        {
            int digits = ++p;
            while (p < end && text[p] >= '0' && text[p] <= '9') p++;
            if (p == digits)
            {
                return false;
            }
        }
        return p == end;
    }

    /// <summary>Path components, then an optional tag and digest, to the end of the text.</summary>
    private static bool MatchesRemainder(string text, int p)
    {
        int end = text.Length;
        while (true)
        {
            // [a-z0-9]+ ((?:[._]|__|-+) [a-z0-9]+)*
            if (p >= end || !IsLowerAlphanumeric(text[p]))
            {
                return false;
            }
            while (p < end && IsLowerAlphanumeric(text[p])) p++;
            while (p < end)
            {
                char c = text[p];
                if (c == '.')
                {
                    p++;
                }
                else if (c == '_')
                {
                    p++;
                    if (p < end && text[p] == '_') p++;
                }
                else if (c == '-')
                {
                    while (p < end && text[p] == '-') p++;
                }
                else
                {
                    break;
                }
                if (p >= end || !IsLowerAlphanumeric(text[p]))
                {
                    return false; // a separator must be followed by an alphanumeric (nothing else may follow it)
                }
                while (p < end && IsLowerAlphanumeric(text[p])) p++;
            }
            if (p < end && text[p] == '/')
            {
                p++;
                continue;
            }
            break;
        }
        if (p < end && text[p] == ':')
        {
            p++;
            if (p >= end || !IsWordChar(text[p]))
            {
                return false;
            }
            int tagStart = p;
            p++;
            while (p < end && (IsWordChar(text[p]) || text[p] == '.' || text[p] == '-')) p++;
            if (p - tagStart > 128)
            {
                return false;
            }
        }
        if (p < end && text[p] == '@')
        {
            p++;
            while (true)
            {
                if (p >= end || !((text[p] >= 'a' && text[p] <= 'z') || (text[p] >= 'A' && text[p] <= 'Z')))
                {
                    return false;
                }
                p++;
                while (p < end && IsAlphanumeric(text[p])) p++;
                if (p < end && (text[p] is '-' or '_' or '+' or '.'))
                {
                    p++;
                    continue;
                }
                break;
            }
            if (p >= end || text[p] != ':')
            {
                return false;
            }
            int hexStart = ++p;
            while (p < end && ((text[p] >= '0' && text[p] <= '9') || (text[p] >= 'a' && text[p] <= 'f') || (text[p] >= 'A' && text[p] <= 'F'))) p++;
            if (p - hexStart < 32)
            {
                return false;
            }
        }
        return p == end;
    }

    public override string ToString() => Text;
}
