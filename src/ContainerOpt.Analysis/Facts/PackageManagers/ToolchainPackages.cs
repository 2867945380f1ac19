using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// System packages that build software: compilers and build tools by name (build-essential, gcc, make, cmake, JDKs, SDKs)
/// and headers by suffix (<c>-dev</c>, <c>-devel</c>). COPT3008 reports them in a final image; <see cref="ImagePurpose"/>
/// reads them as the evidence of a build environment or a development box.
/// </summary>
public static class ToolchainPackages
{
    private static readonly HashSet<string> Tools = new(StringComparer.Ordinal)
    {
        "build-essential", "gcc", "g++", "gcc-c++", "make", "cmake", "clang", "llvm", "autoconf", "automake", "libtool",
        "pkg-config", "pkgconf", "pkgconfig", "build-base", "musl-dev", "linux-headers", "rustc", "cargo", "golang",
        "golang-go", "go", "maven", "gradle", "default-jdk", "default-jdk-headless", "gfortran", "ninja-build", "ninja",
        "bison", "flex", "meson", "nasm", "yasm", "@development-tools", "Development Tools",
    };

    private static readonly Regex ToolPattern = new(
        "^(openjdk-?[0-9]+-jdk(-headless)?|openjdk[0-9]+(-jdk)?|java-[0-9.]+-openjdk-devel|dotnet-sdk-[0-9.]+|gcc-[0-9]+|g\\+\\+-[0-9]+|clang-[0-9]+|.+-dev|.+-devel)$",
        RegexOptions.CultureInvariant);

    /// <summary>A compiler, build tool or header package (a name without its version).</summary>
    public static bool IsBuildPackage(string name) => Tools.Contains(name) || ToolPattern.IsMatch(name);

    /// <summary>A Debian/Alpine <c>-dev</c> or RPM <c>-devel</c> package found by its suffix (not one of the named tools).</summary>
    public static bool IsHeaderPackage(string name) =>
        !Tools.Contains(name) && (name.EndsWith("-dev", StringComparison.Ordinal) || name.EndsWith("-devel", StringComparison.Ordinal));

    /// <summary>A compiler or build tool (not only headers, which an application may load at run time).</summary>
    public static bool IsToolchain(string name) => IsBuildPackage(name) && !IsHeaderPackage(name);
}
