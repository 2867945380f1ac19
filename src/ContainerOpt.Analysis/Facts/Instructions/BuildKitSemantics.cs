using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// What BuildKit itself knows that its checks rely on: the arguments it defines before the first FROM,
/// platform syntax, the environment of well-known base images, and where a variable is referenced in
/// the source.
/// </summary>
public static class BuildKitSemantics
{
    /// <summary>Arguments BuildKit defines in global scope without a declaration (its defaultArgs).</summary>
    public static readonly IReadOnlyList<string> DefaultArgNames = new[]
    {
        "BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE",
    };

    /// <summary>Build arguments BuildKit never puts in the environment and never reports (SBOM switches).</summary>
    public static readonly IReadOnlyList<string> NonEnvArgs = new[] { "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE" };

    /// <summary>BuildKit's default PATH for Linux images (it sets PATH when the image has none).</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly Regex PlatformComponent = new("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> KnownOs = new(StringComparer.Ordinal)
    {
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
        "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    };
    private static readonly HashSet<string> KnownArch = new(StringComparer.Ordinal)
    {
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le",
        "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
    };

    /// <summary>
    /// containerd's platforms.Parse, reduced to what the checks need: the normalized OS and
    /// architecture of <c>os[/arch[/variant]]</c>, or false when BuildKit would reject the value.
    /// </summary>
    public static bool TryParsePlatform(string value, out string os, out string arch)
    {
        os = "";
        arch = "";
        var parts = value.Split('/');
        if (parts.Length == 0 || parts.Length > 3 || parts.Any(p => !PlatformComponent.IsMatch(p)))
        {
            return false;
        }
        string first = parts[0].ToLowerInvariant();
        if (parts.Length == 1)
        {
            if (KnownOs.Contains(first))
            {
                os = first;
                arch = "amd64";
                return true;
            }
            string single = NormalizeArch(first);
            if (KnownArch.Contains(single))
            {
                os = "linux";
                arch = single;
                return true;
            }
            return false;
        }
        os = first == "macos" ? "darwin" : first;
        arch = NormalizeArch(parts[1].ToLowerInvariant());
        return true;
    }

    private static string NormalizeArch(string arch) => arch switch
    {
        "i386" => "386",
        "x86_64" or "x86-64" or "amd64" => "amd64",
        "aarch64" or "arm64" => "arm64",
        "armhf" or "armel" or "arm" => "arm",
        _ => arch,
    };

    private static readonly string[] JavaEnv = { "JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL" };

    private static readonly Dictionary<string, string[]> KnownImageEnv = new(StringComparer.Ordinal)
    {
        ["golang"] = new[] { "GOLANG_VERSION", "GOPATH", "GOTOOLCHAIN" },
        ["node"] = new[] { "NODE_VERSION", "YARN_VERSION" },
        ["python"] = new[] { "PYTHON_VERSION", "PYTHON_SHA256", "GPG_KEY", "LANG" },
        ["pypy"] = new[] { "PYPY_VERSION", "LANG" },
        ["ruby"] = new[] { "RUBY_VERSION", "RUBY_MAJOR", "RUBY_DOWNLOAD_SHA256", "RUBY_DOWNLOAD_URL", "GEM_HOME", "BUNDLE_SILENCE_ROOT_WARNING", "BUNDLE_APP_CONFIG", "LANG" },
        ["php"] = new[] { "PHPIZE_DEPS", "PHP_INI_DIR", "PHP_CFLAGS", "PHP_CPPFLAGS", "PHP_LDFLAGS", "GPG_KEYS", "PHP_VERSION", "PHP_URL", "PHP_ASC_URL", "PHP_SHA256" },
        ["openjdk"] = JavaEnv,
        ["eclipse-temurin"] = JavaEnv,
        ["amazoncorretto"] = JavaEnv,
        ["ibm-semeru-runtimes"] = JavaEnv,
        ["sapmachine"] = JavaEnv,
        ["maven"] = new[] { "MAVEN_HOME", "MAVEN_CONFIG", "JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL" },
        ["gradle"] = new[] { "GRADLE_HOME", "GRADLE_VERSION", "JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL" },
        ["rust"] = new[] { "RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION" },
        ["nginx"] = new[] { "NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE", "DYNPKG_RELEASE" },
        ["httpd"] = new[] { "HTTPD_PREFIX", "HTTPD_VERSION", "HTTPD_SHA256", "HTTPD_PATCHES" },
        ["postgres"] = new[] { "PG_MAJOR", "PG_VERSION", "PGDATA", "GOSU_VERSION", "LANG" },
        ["mysql"] = new[] { "MYSQL_MAJOR", "MYSQL_VERSION", "MYSQL_SHELL_VERSION", "GOSU_VERSION" },
        ["mariadb"] = new[] { "MARIADB_VERSION", "GOSU_VERSION", "LANG" },
        ["redis"] = new[] { "REDIS_VERSION", "REDIS_DOWNLOAD_URL", "REDIS_DOWNLOAD_SHA" },
        ["mongo"] = new[] { "MONGO_MAJOR", "MONGO_VERSION", "GOSU_VERSION", "JSYAML_VERSION", "HOME" },
        ["elixir"] = new[] { "ELIXIR_VERSION", "LANG" },
        ["erlang"] = new[] { "OTP_VERSION", "REBAR3_VERSION", "LANG" },
        ["docker"] = new[] { "DOCKER_VERSION", "DOCKER_BUILDX_VERSION", "DOCKER_COMPOSE_VERSION", "DOCKER_TLS_CERTDIR" },
    };

    private static readonly string[] DotNetEnv =
    {
        "APP_UID", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "DOTNET_RUNNING_IN_CONTAINER", "DOTNET_VERSION", "ASPNET_VERSION",
        "DOTNET_SDK_VERSION", "DOTNET_GENERATE_ASPNET_CERTIFICATE", "DOTNET_NOLOGO", "DOTNET_USE_POLLING_FILE_WATCHER",
        "NUGET_XMLDOC_MODE", "POWERSHELL_DISTRIBUTION_CHANNEL", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT",
    };

    /// <summary>Distribution base images that set nothing beyond PATH (and HOME, which BuildKit does not check).</summary>
    private static readonly HashSet<string> PlainDistributions = new(StringComparer.Ordinal)
    {
        "alpine", "busybox", "debian", "ubuntu", "fedora", "centos", "rockylinux", "almalinux", "amazonlinux", "archlinux",
        "oraclelinux", "photon", "clearlinux", "opensuse/leap", "opensuse/tumbleweed", "redhat/ubi8", "redhat/ubi9",
    };

    /// <summary>
    /// The environment a base image is known to set, beyond the PATH BuildKit always has; null when this
    /// analysis cannot know it. BuildKit reads the real image configuration; without a registry this is a
    /// table of well-known images (plain distributions, official language images, Microsoft's .NET images).
    /// </summary>
    public static IReadOnlyList<string>? ImageEnvironment(ImageReference? image)
    {
        if (image is not { HasVariables: false } reference)
        {
            return null;
        }
        string repository = reference.Repository;
        if (reference.Registry == "mcr.microsoft.com" && repository.StartsWith("dotnet/", StringComparison.Ordinal))
        {
            return DotNetEnv;
        }
        if (!reference.IsDockerHub)
        {
            return null;
        }
        if (PlainDistributions.Contains(repository))
        {
            return Array.Empty<string>();
        }
        return repository.IndexOf('/') < 0 && KnownImageEnv.TryGetValue(repository, out var env) ? env : null;
    }

    /// <summary>
    /// The source span of the first reference to <paramref name="name"/> (<c>$name</c> or
    /// <c>${name...}</c>) inside <paramref name="within"/>, or <paramref name="within"/> itself when the
    /// text there does not show it literally.
    /// </summary>
    public static TextSpan FindVariable(SourceText source, TextSpan within, string name)
    {
        string text = source.Text;
        int end = Math.Min(within.End, text.Length);
        for (int i = within.Start; i < end; i++)
        {
            if (text[i] != '$')
            {
                continue;
            }
            int j = i + 1;
            bool braced = j < end && text[j] == '{';
            if (braced) j++;
            if (j + name.Length > end || string.CompareOrdinal(text, j, name, 0, name.Length) != 0)
            {
                continue;
            }
            int after = j + name.Length;
            if (after < end && IsNameChar(text[after]) && IsNameChar(name[name.Length - 1]))
            {
                continue;
            }
            if (braced)
            {
                int close = text.IndexOf('}', after);
                return TextSpan.FromBounds(i, close >= 0 && close < end ? close + 1 : after);
            }
            return TextSpan.FromBounds(i, after);
        }
        return within;
    }

    /// <summary>The span of the name part of an ARG word (<c>NAME=value</c>), or the whole word when the source differs from it.</summary>
    public static TextSpan ArgNameSpan(SyntaxToken word, string name) =>
        word.Span.Length == word.Value.Length && name.Length < word.Value.Length ? new TextSpan(word.Span.Start, name.Length) : word.Span;

    private static bool IsNameChar(char c) => c == '_' || char.IsLetterOrDigit(c);

    /// <summary>The span of the heredoc marker word (<c>&lt;&lt;EOF</c>) among an instruction's arguments, if the argument is one.</summary>
    public static bool IsHeredocMarker(InstructionSyntax instruction, SyntaxToken argument)
    {
        if (instruction.Heredocs.Count == 0 || !argument.Value.StartsWith("<<", StringComparison.Ordinal))
        {
            return false;
        }
        string word = argument.Value.Substring(2).TrimStart('-').Trim('"', '\'');
        var heredocs = instruction.Heredocs;
        for (int i = 0; i < heredocs.Count; i++)
        {
            if (heredocs[i].Name == word)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A lookup of names with values; names known to exist without a known value read as a placeholder.</summary>
    /// <remarks>
    /// Names and values are kept in order in two lists and found by a scan: a stage's environment holds a few dozen names at
    /// most and is read only for the words that reference a variable. A table is made only for a large environment.
    /// </remarks>
    public sealed class Environment : IVariableLookup
    {
        private const int ScanLimit = 32;
        private readonly List<string> _order;
        private readonly List<string> _values;
        private Dictionary<string, int>? _index;

        public Environment() : this(0)
        {
        }

        /// <summary>An empty environment with room for <paramref name="capacity"/> names (a base image's, then the stage's own).</summary>
        public Environment(int capacity)
        {
            _order = new List<string>(capacity);
            _values = new List<string>(capacity);
        }

        private Environment(Environment other)
        {
            _order = new List<string>(other._order);
            _values = new List<string>(other._values);
            if (other._index is not null)
            {
                _index = new Dictionary<string, int>(other._index, StringComparer.Ordinal);
            }
        }

        public Environment Clone() => new(this);

        /// <summary>Names in the order they were first set (BuildKit's env.Keys()).</summary>
        public IReadOnlyList<string> Keys => _order;

        public void Set(string name, string value)
        {
            int at = IndexOf(name);
            if (at >= 0)
            {
                _values[at] = value;
                return;
            }
            AddUnset(name, value);
        }

        /// <summary>
        /// <see cref="Set"/> for a name known not to be set yet (a base image's distinct names in a new environment): no
        /// search of the names set before, which made filling a stage's environment quadratic in the image's names.
        /// </summary>
        public void AddUnset(string name, string value)
        {
            _order.Add(name);
            _values.Add(value);
            if (_index is not null)
            {
                _index[name] = _order.Count - 1;
            }
            else if (_order.Count > ScanLimit)
            {
                _index = new Dictionary<string, int>(_order.Count * 2, StringComparer.Ordinal);
                for (int i = 0; i < _order.Count; i++)
                {
                    _index[_order[i]] = i;
                }
            }
        }

        public bool TryGetValue(string name, out string value)
        {
            int at = IndexOf(name);
            value = at >= 0 ? _values[at] : null!;
            return at >= 0;
        }

        private int IndexOf(string name)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(name, out int at) ? at : -1;
            }
            for (int i = 0; i < _order.Count; i++)
            {
                if (string.Equals(_order[i], name, StringComparison.Ordinal))
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
