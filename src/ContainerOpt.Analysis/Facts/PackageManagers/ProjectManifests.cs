using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// The files package managers install a project's dependencies from, and what else they read for that install: whether an
/// image copies a project or only its manifests (<see cref="ImagePurpose"/>), and what may be copied before an install without
/// invalidating its layer on every source change (COPT3007).
/// </summary>
public static class ProjectManifests
{
    /// <summary>Dependency manifests and lockfiles of every ecosystem, and the build files that stand for a project (<c>Makefile</c>).</summary>
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "requirements.txt", "pyproject.toml", "poetry.lock",
        "Pipfile", "Pipfile.lock", "setup.py", "setup.cfg", "go.mod", "go.sum", "Cargo.toml", "Cargo.lock", "pom.xml",
        "build.gradle", "build.gradle.kts", "Gemfile", "Gemfile.lock", "composer.json", "composer.lock", "mix.exs", "CMakeLists.txt", "Makefile",
    };

    /// <summary>The files of a Node.js project's dependencies, and no source: <c>package.json</c>, its lockfiles, the managers' settings.</summary>
    private static readonly Regex Node = new(
        @"^(package[^/]*\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|bun\.lockb?|\.npmrc|\.yarnrc(\.yml)?|\.nvmrc)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// What each manager reads besides the manifests COPT3007's advice names, by file or folder name: copied before the step,
    /// they key its layer as the manifests do (they change when the dependencies change) and the step needs them (<c>mvnw</c>
    /// cannot run without <c>.mvn/</c>; pnpm checks the <c>patchedDependencies</c> in <c>patches/</c> against the lockfile).
    /// </summary>
    private static readonly Dictionary<string, string[]> ReadBeside = new(StringComparer.Ordinal)
    {
        // patches: patch-package, run by the install's postinstall. packages, apps: a monorepo's workspaces (lerna, yarn, npm
        // and pnpm workspaces, Turborepo), whose package.json files the install links; the root manifests alone leave them out.
        ["npm"] = new[] { ".npmrc", "patches", "packages", "apps" },
        ["yarn"] = new[] { ".yarnrc", ".yarn", ".npmrc", "patches", "packages", "apps" }, // .yarn: the Berry release, plugins and patches
        ["pnpm"] = new[] { ".npmrc", "patches", "packages", "apps" },
        ["pip"] = new[] { "requirements" }, // requirements files that include each other (-r requirements/base.txt)
        ["uv"] = new[] { "requirements" },
        ["maven"] = new[] { ".mvn" }, // the wrapper's properties, jvm.config, maven.config
        ["composer"] = new[] { "patches" }, // composer-patches
        // .bundle/config; Gemfile.d/: Gemfiles it evaluates; local path: gems (gems/, vendor/gems/, engines/, components/):
        // Bundler installs them from that folder, so moving them after the install fails ("The path ... does not exist")
        ["bundle"] = new[] { ".bundle", "Gemfile.d", "gems", "engines", "components" },
        ["cargo"] = new[] { ".cargo" }, // .cargo/config.toml: registries, vendored sources
    };

    /// <summary>A dependency manifest, lockfile or project build file of any ecosystem, by file name (<c>requirements.txt</c>, <c>go.mod</c>).</summary>
    public static bool IsManifest(string fileName) => Names.Contains(fileName);

    /// <summary>A Node.js dependency manifest, lockfile or package-manager setting, by file name (<c>package*.json</c> included).</summary>
    public static bool IsNodeManifest(string fileName) => Node.IsMatch(fileName) || fileName == "package*.json";

    /// <summary>A file or folder the manager's install reads besides its manifests (<see cref="ReadBeside"/>), by name.</summary>
    public static bool IsReadBeside(string manager, string name) =>
        ReadBeside.TryGetValue(manager, out var names) && Array.IndexOf(names, name) >= 0;
}
