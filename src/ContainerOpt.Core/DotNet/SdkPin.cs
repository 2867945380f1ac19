using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace ContainerOpt.Core.DotNet;

/// <summary>
/// The SDK a global.json pins (<c>"sdk": { "version": "8.0.100", "rollForward": "latestFeature" }</c>) and which installed
/// SDKs its roll-forward policy accepts, as the .NET host decides (docs: "global.json overview", rollForward table).
/// The policies compare feature bands (8.0.1xx), minor versions and major versions of the installed SDK with the pin.
/// </summary>
public sealed class SdkPin
{
    // global.json is JSON with comments; the sdk object is flat. A full JSON reader would need System.Text.Json in the
    // net472 task, whose MSBuild.exe binds its own copy: these three fields are all the product reads.
    private static readonly Regex SdkObject = new(@"""sdk""\s*:\s*\{(?<body>[^{}]*)\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex VersionField = new(@"""version""\s*:\s*""(?<v>[^""]*)""", RegexOptions.CultureInvariant);
    private static readonly Regex RollForwardField = new(@"""rollForward""\s*:\s*""(?<v>[^""]*)""", RegexOptions.CultureInvariant);

    private SdkPin(NuGetVersion version, string rollForward, string path)
    {
        Version = version;
        RollForward = rollForward;
        Path = path;
    }

    /// <summary>The pinned SDK version (8.0.100).</summary>
    public NuGetVersion Version { get; }

    /// <summary>The policy as written, or <c>latestPatch</c> (the host's default when a version is given).</summary>
    public string RollForward { get; }

    /// <summary>The global.json file.</summary>
    public string Path { get; }

    /// <summary>The feature band of the pin (1 for 8.0.1xx).</summary>
    public int FeatureBand => Version.Patch / 100;

    /// <summary>The pin of a global.json's text, or null when it pins no SDK version (or the version is not one).</summary>
    public static SdkPin? Parse(string json, string path)
    {
        var sdk = SdkObject.Match(json ?? "");
        if (!sdk.Success)
        {
            return null;
        }
        var version = VersionField.Match(sdk.Groups["body"].Value);
        if (!version.Success || !NuGetVersion.TryParse(version.Groups["v"].Value, out var parsed))
        {
            return null;
        }
        var roll = RollForwardField.Match(sdk.Groups["body"].Value);
        return new SdkPin(parsed, roll.Success ? roll.Groups["v"].Value : "latestPatch", path);
    }

    /// <summary>
    /// Whether an image whose SDK is <paramref name="major"/>.<paramref name="minor"/> (a floating tag such as sdk:10.0:
    /// any feature band) satisfies the pin: false when no SDK of that major.minor can (the host fails with "A compatible
    /// .NET SDK was not found"), true when every one does, null when it depends on the feature band the tag holds today.
    /// </summary>
    public bool? AcceptsImageOf(int major, int minor)
    {
        int wanted = Version.Major * 1000 + Version.Minor;
        int offered = major * 1000 + minor;
        if (offered < wanted)
        {
            return false; // no policy rolls backward
        }
        switch (RollForward.ToLowerInvariant())
        {
            case "major":
            case "latestmajor":
                return true;
            case "minor":
            case "latestminor":
                return major == Version.Major;
            case "disable":
            case "patch":
            case "latestpatch":
            case "feature":
            case "latestfeature":
                if (offered != wanted)
                {
                    return false; // these stay within the pinned major.minor
                }
                // Same major.minor: latestFeature/feature accept any band at or above the pin's; the others need the pin's band.
                return RollForward.Equals("latestFeature", StringComparison.OrdinalIgnoreCase) || RollForward.Equals("feature", StringComparison.OrdinalIgnoreCase)
                    ? (FeatureBand <= 1 ? true : null)
                    : null;
            default:
                return null; // an unknown policy: the host rejects the file, which is another problem
        }
    }

    public override string ToString() => $"{Version} ({RollForward})";
}
