namespace ContainerOpt.Images.Builders;

/// <summary>
/// os/arch[/variant] as OCI platforms name them, whatever spelling an engine uses (x86_64, aarch64,
/// arm64/v8), so two platforms compare equal when BuildKit would treat them as the same.
/// </summary>
public static class PlatformName
{
    public static string Normalize(string platform)
    {
        string[] parts = (platform ?? "").Trim().ToLowerInvariant().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0) return (platform ?? "").Trim().ToLowerInvariant();
        return Format(parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
    }

    public static string Format(string os, string architecture, string? variant)
    {
        os = os.Trim().ToLowerInvariant();
        string arch = architecture.Trim().ToLowerInvariant();
        variant = string.IsNullOrWhiteSpace(variant) ? null : variant!.Trim().ToLowerInvariant();
        switch (arch)
        {
            case "x86_64":
            case "x86-64":
                arch = "amd64";
                break;
            case "aarch64":
                arch = "arm64";
                break;
            case "i386":
            case "i686":
                arch = "386";
                break;
            case "armhf":
                arch = "arm";
                variant ??= "v7";
                break;
            case "armel":
                arch = "arm";
                variant ??= "v6";
                break;
        }
        // containerd's normalization: arm64's only variant is v8 and is left out; arm defaults to v7.
        if (arch == "arm64" && variant == "v8") variant = null;
        if (arch == "arm" && variant is null) variant = "v7";
        if (arch == "amd64" && variant == "v1") variant = null;
        return variant is null ? os + "/" + arch : os + "/" + arch + "/" + variant;
    }

    public static bool AreSame(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}
