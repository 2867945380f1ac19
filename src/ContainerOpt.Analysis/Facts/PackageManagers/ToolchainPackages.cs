using System.Text.RegularExpressions;
using ContainerOpt.Analysis.Shell;

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
    public static bool IsBuildPackage(string name) => Tools.Contains(name) || MatchesToolPattern(name);

    /// <summary>
    /// <see cref="ToolPattern"/>, with the interpreted expression run only for a name that can match: one with the prefix of
    /// a versioned compiler or JDK, or holding "-dev" (a header package, decided here when it plainly ends so). Most operands
    /// (curl, ca-certificates) are neither.
    /// </summary>
    private static bool MatchesToolPattern(string name)
    {
        if (name.IndexOf("-dev", StringComparison.Ordinal) < 0 && !StartsLikeATool(name))
        {
            return false;
        }
        // .+-dev and .+-devel: a character or more before the suffix, none of them a newline.
        if ((name.Length > 4 && name.EndsWith("-dev", StringComparison.Ordinal) || name.Length > 6 && name.EndsWith("-devel", StringComparison.Ordinal))
            && name.IndexOf('\n') < 0)
        {
            return true;
        }
        return ToolPattern.IsMatch(name);
    }

    private static bool StartsLikeATool(string name) =>
        name.StartsWith("openjdk", StringComparison.Ordinal) || name.StartsWith("java-", StringComparison.Ordinal)
        || name.StartsWith("dotnet-sdk-", StringComparison.Ordinal) || name.StartsWith("gcc-", StringComparison.Ordinal)
        || name.StartsWith("g++-", StringComparison.Ordinal) || name.StartsWith("clang-", StringComparison.Ordinal);

    /// <summary>A Debian/Alpine <c>-dev</c> or RPM <c>-devel</c> package found by its suffix (not one of the named tools).</summary>
    public static bool IsHeaderPackage(string name) =>
        !Tools.Contains(name) && (name.EndsWith("-dev", StringComparison.Ordinal) || name.EndsWith("-devel", StringComparison.Ordinal));

    /// <summary>A compiler or build tool (not only headers, which an application may load at run time).</summary>
    public static bool IsToolchain(string name) => IsBuildPackage(name) && !IsHeaderPackage(name);

    // Programs that compile or drive a compile, by base name.
    private static readonly HashSet<string> BuildPrograms = new(StringComparer.Ordinal)
    {
        "gcc", "cc", "g++", "c++", "clang", "clang++", "make", "gmake", "cmake", "ninja", "meson", "configure", "autoreconf",
        "autoconf", "automake", "pkg-config", "rustc", "javac", "gradle", "gradlew", "node-gyp", "phpize", "docker-php-ext-install",
        "docker-php-ext-configure", "cpanm",
    };

    // Package managers whose installs and builds may compile native code with the system's compilers and headers
    // (a Python wheel built from source, a node-gyp addon, a native gem or PECL extension, cgo, a build.rs), or run the JDK or SDK.
    private static readonly HashSet<string> CompilingManagers = new(StringComparer.Ordinal)
    {
        "pip", "uv", "pipenv", "poetry", "npm", "yarn", "pnpm", "gem", "bundle", "pecl", "go", "cargo", "maven", "nuget",
    };

    // Package-manager tools installed by a package manager (npm install -g npm@latest, pip install -U pip setuptools wheel):
    // nothing of theirs compiles.
    private static readonly HashSet<string> ManagerTools = new(StringComparer.Ordinal)
    {
        "npm", "yarn", "pnpm", "corepack", "pip", "setuptools", "wheel", "poetry", "pipenv", "uv", "bundler",
    };

    /// <summary>A compiler or build driver by its program name (<c>make</c>, <c>gcc</c>, <c>cmake</c>, <c>gradle</c>).</summary>
    public static bool IsBuildProgram(string name) => BuildPrograms.Contains(name);

    /// <summary>
    /// What a command that may use installed build tools runs (<c>gcc</c>, <c>make</c>, <c>pip install</c>, <c>npm ci</c>), or null:
    /// a compiler or build driver, or an install or build of a package manager whose packages may compile (not an install of
    /// package-manager tools only, such as <c>npm install -g npm@latest</c>).
    /// </summary>
    public static string? BuildToolUse(ShellCommand command, PackageCall? call)
    {
        if (call is { Op: PackageOp.Install or PackageOp.Build } && CompilingManagers.Contains(call.Manager))
        {
            var operands = call.Operands;
            bool toolsOnly = operands.Count > 0;
            for (int i = 0; i < operands.Count && toolsOnly; i++)
            {
                toolsOnly = ManagerTools.Contains(PackageManagers.StripVersion(operands[i].Value));
            }
            return toolsOnly ? null : call.Display;
        }
        return BuildPrograms.Contains(command.Name) ? command.Name : null;
    }
}
