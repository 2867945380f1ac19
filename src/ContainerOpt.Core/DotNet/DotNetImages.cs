using ContainerOpt.Core.Projects;

namespace ContainerOpt.Core.DotNet;

/// <summary>
/// Which official .NET image a project's final stage needs, and why: what the generator writes and what the rules on the
/// .NET SDK's container properties advise.
/// </summary>
public static class DotNetImages
{
    /// <summary>Self-contained and Native AOT apps carry the runtime: runtime-deps. Web apps: aspnet. Others: runtime.</summary>
    public static DotNetImageKind FinalKind(ProjectModel project) =>
        project.PublishAot || project.SelfContained ? DotNetImageKind.RuntimeDeps
        : project.IsWeb ? DotNetImageKind.Aspnet
        : DotNetImageKind.Runtime;

    /// <summary>Family names that ask for the full (Debian/Ubuntu) image: no tag suffix.</summary>
    public static bool IsFullFamily(string? family) =>
        family is not null && (family.Equals("full", StringComparison.OrdinalIgnoreCase) || family.Equals("default", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The family when the project names none: Ubuntu Chiseled from .NET 8 on (the smallest image that
    /// runs any framework-dependent or self-contained app; non-root; no shell), full images before.
    /// </summary>
    public static string? DefaultFamily(Version version) => version.Major >= 8 ? "noble-chiseled" : null;

    /// <summary>
    /// The tag: <c>10.0</c>, or <c>10.0-{family}</c>. Chiseled images have no ICU: an app that needs
    /// globalization data gets the <c>-extra</c> variant.
    /// </summary>
    public static string Tag(string version, string? family, bool invariantGlobalization)
    {
        if (string.IsNullOrWhiteSpace(family) || IsFullFamily(family))
        {
            return version;
        }
        string f = family!.Trim().ToLowerInvariant();
        if (f.Contains("chiseled") && !invariantGlobalization && !f.EndsWith("-extra", StringComparison.Ordinal))
        {
            f += "-extra";
        }
        return version + "-" + f;
    }

    /// <summary>
    /// The SDK tag with the Native AOT toolchain (clang, zlib): <c>8.0-jammy-aot</c> on .NET 8, <c>{version}-noble-aot</c>
    /// from .NET 9 (the official images publish -aot SDKs for Ubuntu only).
    /// </summary>
    public static string AotSdkTag(Version version, string versionText) =>
        versionText + (version.Major <= 8 ? "-jammy-aot" : "-noble-aot");

    /// <summary>The container platform of a Linux RID (linux-x64 → linux/amd64, linux-musl-arm64 → linux/arm64), or null.</summary>
    public static string? PlatformOf(string runtimeIdentifier)
    {
        string rid = runtimeIdentifier.Trim().ToLowerInvariant();
        if (!rid.StartsWith("linux-", StringComparison.Ordinal))
        {
            return null;
        }
        string arch = rid.Substring(rid.LastIndexOf('-') + 1);
        return arch switch
        {
            "x64" => "linux/amd64",
            "arm64" => "linux/arm64",
            "arm" => "linux/arm/v7",
            "x86" => "linux/386",
            "s390x" => "linux/s390x",
            "ppc64le" => "linux/ppc64le",
            "riscv64" => "linux/riscv64",
            "loongarch64" => "linux/loong64",
            _ => null,
        };
    }
}
