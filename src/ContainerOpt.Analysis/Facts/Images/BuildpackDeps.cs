using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// The official images built on Docker Hub's <c>buildpack-deps</c>, and the build packages they therefore already hold: a
/// package the base holds adds next to nothing when installed again, and removing it cannot shrink the image (its bytes
/// are in the base layers).
/// <para>
/// From the official-images Dockerfiles: the full (not -slim, not -alpine, not Windows) tags of <c>python</c>, <c>ruby</c>,
/// <c>node</c>, <c>rust</c>, <c>perl</c> and <c>gcc</c> start <c>FROM buildpack-deps:&lt;suite&gt;</c>, which installs
/// gcc, g++, make, autoconf, libtool, dpkg-dev and about 30 common -dev packages. <c>golang</c> starts from
/// <c>buildpack-deps:&lt;suite&gt;-scm</c> (no -dev packages) and adds only g++, gcc, libc6-dev, make and pkg-config.
/// Not built on it: <c>php</c> (debian-slim), <c>openjdk</c> (oraclelinux, or buildpack-deps' -curl/-scm without
/// compilers), <c>eclipse-temurin</c> (ubuntu).
/// </para>
/// </summary>
public static class BuildpackDeps
{
    /// <summary>What <c>buildpack-deps:&lt;suite&gt;</c> (the full variant) installs that is a build package, with the names
    /// users write for the same packages (<c>build-essential</c>: all its dependencies are there; <c>libxslt1-dev</c>,
    /// <c>libncurses-dev</c>, <c>libjpeg62-turbo-dev</c>, <c>libmariadb-dev</c>: the real packages behind the listed names).</summary>
    private static readonly HashSet<string> Full = new(StringComparer.Ordinal)
    {
        "autoconf", "automake", "dpkg-dev", "g++", "gcc", "libtool", "make", "build-essential", "libc6-dev",
        "libbz2-dev", "libcurl4-openssl-dev", "libdb-dev", "libevent-dev", "libffi-dev", "libgdbm-dev", "libglib2.0-dev",
        "libgmp-dev", "libjpeg-dev", "libjpeg62-turbo-dev", "libkrb5-dev", "liblzma-dev", "libmagickcore-dev", "libmagickwand-dev",
        "libmaxminddb-dev", "libncurses5-dev", "libncursesw5-dev", "libncurses-dev", "libpng-dev", "libpq-dev", "libreadline-dev",
        "libsqlite3-dev", "libssl-dev", "libwebp-dev", "libxml2-dev", "libxslt-dev", "libxslt1-dev", "libyaml-dev", "zlib1g-dev",
        "default-libmysqlclient-dev", "libmysqlclient-dev", "libmariadb-dev", "libmariadb-dev-compat",
    };

    /// <summary>What the <c>golang</c> image adds to <c>buildpack-deps:&lt;suite&gt;-scm</c> for cgo.</summary>
    private static readonly HashSet<string> Golang = new(StringComparer.Ordinal) { "g++", "gcc", "libc6-dev", "make", "pkg-config", "pkgconf" };

    /// <summary>True when the image already holds the Debian build package <paramref name="package"/> (a name without its version).</summary>
    public static bool Holds(ImageReference image, string package) => BuildPackages(image) is { } held && held.Contains(package);

    private static HashSet<string>? BuildPackages(ImageReference image)
    {
        if (!image.IsDockerHub)
        {
            return null;
        }
        string tag = image.Tag ?? "latest";
        // the variants not built on buildpack-deps: slim (debian-slim), alpine, Windows
        if (tag.Contains("slim", StringComparison.Ordinal) || tag.Contains("alpine", StringComparison.Ordinal) || tag.Contains("windows", StringComparison.Ordinal)
            || tag.Contains("nanoserver", StringComparison.Ordinal))
        {
            return null;
        }
        return image.Repository switch
        {
            "python" or "ruby" or "node" or "rust" or "perl" or "gcc" => Full,
            "buildpack-deps" when !tag.EndsWith("curl", StringComparison.Ordinal) && !tag.EndsWith("scm", StringComparison.Ordinal) => Full,
            "golang" => Golang,
            _ => null,
        };
    }
}
