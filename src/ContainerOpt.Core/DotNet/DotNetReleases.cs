namespace ContainerOpt.Core.DotNet;

/// <summary>One .NET major release: when it shipped and when Microsoft stops patching it.</summary>
public sealed class DotNetRelease
{
    public DotNetRelease(int major, int minor, bool lts, DateTime ga, DateTime endOfSupport)
    {
        Version = new Version(major, minor);
        Name = major + "." + minor;
        IsLts = lts;
        GeneralAvailability = ga;
        EndOfSupport = endOfSupport;
    }

    public Version Version { get; }
    public bool IsLts { get; }
    public DateTime GeneralAvailability { get; }
    public DateTime EndOfSupport { get; }

    /// <summary>"8.0" (written once: every finding about the release names it).</summary>
    public string Name { get; }

    /// <summary>"LTS" or "STS".</summary>
    public string Type => IsLts ? "LTS" : "STS";

    public bool IsReleased(DateTime today) => GeneralAvailability <= today;

    /// <summary>Past its last day of support (the end-of-support day itself still gets that month's patch).</summary>
    public bool IsEndOfLife(DateTime today) => EndOfSupport < today;
}

/// <summary>
/// The .NET support lifecycle. Source: dotnet/core <c>release-notes/releases-index.json</c> and
/// <c>release-notes/&lt;version&gt;/index.json</c> (<c>ga_date</c>, <c>eol_date</c>), and the .NET support policy
/// (https://dotnet.microsoft.com/platform/support/policy/dotnet-core). STS releases from .NET 9 on are
/// supported for 24 months (devblogs.microsoft.com/dotnet/dotnet-sts-releases-supported-for-24-months),
/// so .NET 8 (LTS) and .NET 9 (STS) both end on 2026-11-10. Update this table when a release ships.
/// </summary>
public static class DotNetReleases
{
    public static IReadOnlyList<DotNetRelease> All => Releases;

    private static readonly DotNetRelease[] Releases =
    {
        new DotNetRelease(1, 0, true, new DateTime(2016, 6, 27), new DateTime(2019, 6, 27)),
        new DotNetRelease(1, 1, true, new DateTime(2016, 11, 16), new DateTime(2019, 6, 27)),
        new DotNetRelease(2, 0, false, new DateTime(2017, 8, 14), new DateTime(2018, 10, 1)),
        new DotNetRelease(2, 1, true, new DateTime(2018, 5, 30), new DateTime(2021, 8, 21)),
        new DotNetRelease(2, 2, false, new DateTime(2018, 12, 4), new DateTime(2019, 12, 23)),
        new DotNetRelease(3, 0, false, new DateTime(2019, 9, 23), new DateTime(2020, 3, 3)),
        new DotNetRelease(3, 1, true, new DateTime(2019, 12, 3), new DateTime(2022, 12, 13)),
        new DotNetRelease(5, 0, false, new DateTime(2020, 11, 10), new DateTime(2022, 5, 10)),
        new DotNetRelease(6, 0, true, new DateTime(2021, 11, 8), new DateTime(2024, 11, 12)),
        new DotNetRelease(7, 0, false, new DateTime(2022, 11, 8), new DateTime(2024, 5, 14)),
        new DotNetRelease(8, 0, true, new DateTime(2023, 11, 14), new DateTime(2026, 11, 10)),
        new DotNetRelease(9, 0, false, new DateTime(2024, 11, 12), new DateTime(2026, 11, 10)),
        new DotNetRelease(10, 0, true, new DateTime(2025, 11, 11), new DateTime(2028, 11, 14)),
        new DotNetRelease(11, 0, false, new DateTime(2026, 11, 10), new DateTime(2028, 11, 14)),
    };

    // Loops over the table, not LINQ: a lint asks for the release of every .NET FROM.
    public static DotNetRelease? Find(Version version)
    {
        foreach (var release in Releases)
        {
            if (release.Version.Major == version.Major && release.Version.Minor == version.Minor)
            {
                return release;
            }
        }
        return null;
    }

    /// <summary>The newest released LTS still in support, or null when the table is out of date.</summary>
    public static DotNetRelease? CurrentLts(DateTime today)
    {
        DotNetRelease? newest = null;
        foreach (var release in Releases)
        {
            if (release.IsLts && release.IsReleased(today) && !release.IsEndOfLife(today) && (newest is null || release.Version > newest.Version))
            {
                newest = release;
            }
        }
        return newest;
    }

    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
