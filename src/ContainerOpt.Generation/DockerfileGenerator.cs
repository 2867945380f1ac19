using ContainerOpt.Core.BuildContext;
using ContainerOpt.Core.DotNet;
using System.Globalization;
using System.Text;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Generation;

/// <summary>
/// Writes the Dockerfile a .NET container expert would write for this project: a build stage on
/// the SDK of the project's framework (host platform, cross-compiling with -a $TARGETARCH), a
/// restore layer that copies exactly the restore inputs the project has, one compile
/// (publish --no-restore), and the smallest correct final image, non-root, JSON-form ENTRYPOINT.
/// Output is deterministic: the same model gives the same bytes.
/// </summary>
public static class DockerfileGenerator
{
    private const string NuGetCacheMount = "--mount=type=cache,id=nuget,target=/root/.nuget/packages";

    public static GeneratedFiles Generate(ProjectModel project, GenerationOptions? options = null)
    {
        options ??= new GenerationOptions();
        var notes = new List<string>();
        string projectPath = Path.GetFullPath(project.ProjectPath);
        string projectDir = Path.GetDirectoryName(projectPath)!;
        var testProject = string.IsNullOrWhiteSpace(options.TestProject) ? null : Path.GetFullPath(options.TestProject);

        var projectFiles = new[] { projectPath }.Concat(project.ProjectReferences.Select(Path.GetFullPath))
            .Concat(testProject is null ? Array.Empty<string>() : new[] { testProject })
            .Distinct(StringComparer.Ordinal).ToList();
        var restoreInputs = project.RestoreInputs.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        string context = CommonDirectory(projectFiles.Concat(restoreInputs).Select(f => Path.GetDirectoryName(f)!));

        var version = project.FrameworkVersion ?? new Version(10, 0);
        string versionText = version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);
        // The SDK image: the framework's, unless the global.json restore copies in refuses it and pins a newer SDK
        // (an SDK builds every older TargetFramework): then the pinned one.
        // A multi-targeted project builds on the SDK of its newest framework, which builds the older ones too.
        var sdkVersion = project.TargetFrameworks.Select(ProjectModel.ParseTargetFramework).Where(v => v is not null).Select(v => v!)
            .Concat(new[] { version }).Max()!;
        if (project.SdkPin is { } pin && pin.AcceptsImageOf(sdkVersion.Major, sdkVersion.Minor) == false
            && new Version(pin.Version.Major, pin.Version.Minor) is var pinned && pinned > sdkVersion && pin.AcceptsImageOf(pinned.Major, pinned.Minor) != false)
        {
            sdkVersion = pinned;
            notes.Add($"global.json pins SDK {pin.Version.ToNormalizedString()} (rollForward {pin.RollForward}): the build stage uses the .NET {pinned.Major}.{pinned.Minor} SDK, which builds {string.Join(";", project.TargetFrameworks)}.");
        }
        string sdkVersionText = sdkVersion.Major.ToString(CultureInfo.InvariantCulture) + "." + sdkVersion.Minor.ToString(CultureInfo.InvariantCulture);
        string relativeProject = Relative(context, projectPath);
        string targetName = string.IsNullOrWhiteSpace(project.TargetName)
            ? (string.IsNullOrWhiteSpace(project.AssemblyName) ? Path.GetFileNameWithoutExtension(projectPath) : project.AssemblyName)
            : project.TargetName;

        var sb = new StringBuilder();
        sb.Append(GeneratedDockerfileHeader.Line(relativeProject)).Append('\n');
        sb.Append("# Build from ").Append(context == projectDir ? "the project folder" : "the folder that holds every restore input")
          .Append(": docker build -f ").Append(Relative(context, Path.Combine(projectDir, "Dockerfile"))).Append(" .\n");
        // One image per RID the project publishes for: the build stage cross-compiles with -a $TARGETARCH,
        // so one multi-platform build gives an image for each.
        var platforms = project.RuntimeIdentifiers.Select(DotNetImages.PlatformOf).ToList();
        if (platforms.Count > 1 && platforms.All(p => p is not null))
        {
            sb.Append("# One image per RuntimeIdentifier (").Append(string.Join(", ", project.RuntimeIdentifiers)).Append("): docker buildx build --platform ")
              .Append(string.Join(",", platforms.Distinct(StringComparer.Ordinal))).Append(" -f ").Append(Relative(context, Path.Combine(projectDir, "Dockerfile"))).Append(" .\n");
        }
        else if (platforms.Any(p => p is null))
        {
            notes.Add($"RuntimeIdentifiers {string.Join(";", project.RuntimeIdentifiers)}: only linux RIDs map to container platforms; build the others outside containers.");
        }
        sb.Append("# Regenerate: dotnet build -t:ContainerOptGenerate -p:ContainerOptForce=true\n\n");

        // Build stage: the SDK runs on the build machine's platform and cross-compiles for the target.
        // Native AOT links native code with clang: the SDK's -aot image has the toolchain, and it compiles
        // for the platform it runs on, so that stage runs on the target platform (emulated when it differs).
        if (project.PublishAot)
        {
            sb.Append("FROM ").Append(options.ImageRegistry).Append("/sdk:").Append(DotNetImages.AotSdkTag(sdkVersion, sdkVersionText)).Append(" AS build\n");
            notes.Add("Native AOT: the build stage uses the SDK's -aot image (clang, zlib) on the target platform; cross-compiling AOT needs that platform's toolchain.");
        }
        else
        {
            sb.Append("FROM --platform=$BUILDPLATFORM ").Append(options.ImageRegistry).Append("/sdk:").Append(sdkVersionText).Append(" AS build\n");
        }
        sb.Append("ARG TARGETARCH\n");
        sb.Append("WORKDIR /src\n");

        // Restore layer: only what restore reads, so editing a source file keeps this layer cached.
        var restoreFiles = restoreInputs.Concat(projectFiles)
            .Select(f => Relative(context, f))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(f => f.Contains('/') ? 1 : 0)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        foreach (var group in restoreFiles.GroupBy(DirectoryOf).OrderBy(g => g.Key.Length == 0 ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            string destination = group.Key.Length == 0 ? "./" : group.Key + "/";
            sb.Append("COPY [").Append(string.Join(", ", group.Select(Quote))).Append(", ").Append(Quote(destination)).Append("]\n");
        }
        // Local feeds NuGet.config lists (checked-in .nupkg folders): restore in the image reads them.
        foreach (var feed in project.LocalPackageSources.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (IsUnder(context, feed))
            {
                string relativeFeed = Relative(context, feed) + "/";
                sb.Append("COPY [").Append(Quote(relativeFeed)).Append(", ").Append(Quote(relativeFeed)).Append("]\n");
            }
            else
            {
                notes.Add($"The package source '{feed}' in NuGet.config is outside the build context ({context}): restore inside the image cannot read it. Move the feed into the repository or publish its packages to a feed the build can reach.");
            }
        }
        string mount = options.NuGetCacheMount ? NuGetCacheMount + " " : "";
        // A multi-targeted project publishes one framework (publish without -f fails, NETSDK1129): restore only that one
        // (restore has no -f; the TargetFramework property selects it) and publish it.
        string framework = project.ContainerFramework ?? "";
        string restoreFramework = project.IsMultiTargeted ? " -p:TargetFramework=" + framework : "";
        string publishFramework = project.IsMultiTargeted ? " -f " + framework : "";
        if (project.IsMultiTargeted)
        {
            notes.Add($"The project targets {string.Join(";", project.TargetFrameworks)}: the image publishes {framework}"
                + (string.IsNullOrWhiteSpace(project.PublishFramework) ? " (the newest; set ContainerOptTargetFramework to choose)." : " (ContainerOptTargetFramework)."));
        }
        sb.Append("RUN ").Append(mount).Append("dotnet restore ").Append(Quote(relativeProject)).Append(" -a $TARGETARCH").Append(restoreFramework).Append('\n');
        if (testProject is not null)
        {
            sb.Append("RUN ").Append(mount).Append("dotnet restore ").Append(Quote(Relative(context, testProject))).Append('\n');
        }

        // Sources, then one compile.
        sb.Append("COPY . .\n");
        sb.Append("RUN ").Append(mount).Append("dotnet publish ").Append(Quote(relativeProject))
          .Append(" --no-restore -c Release").Append(publishFramework).Append(" -a $TARGETARCH -o /app\n");

        if (testProject is not null)
        {
            sb.Append("\n# docker build --target test runs the tests; the final image does not depend on this stage.\n");
            sb.Append("FROM build AS test\n");
            sb.Append("RUN ").Append(mount).Append("dotnet test ").Append(Quote(Relative(context, testProject))).Append(" --no-restore -c Release\n");
        }

        // Final stage: the smallest image that runs this app.
        var kind = DotNetImages.FinalKind(project);
        string? family = project.ContainerFamily ?? options.Family ?? DotNetImages.DefaultFamily(version);
        string baseImage = project.ContainerBaseImage
            ?? options.ImageRegistry + "/" + DotNetImage.NameOf(kind) + ":" + DotNetImages.Tag(versionText, family, project.InvariantGlobalization);
        notes.Add(project.ContainerBaseImage is not null
            ? $"Final image {baseImage}: the project's ContainerBaseImage."
            : kind switch
            {
                DotNetImageKind.RuntimeDeps => $"Final image {baseImage}: the app is {(project.PublishAot ? "Native AOT" : "self-contained")} and brings its own runtime.",
                DotNetImageKind.Aspnet => $"Final image {baseImage}: ASP.NET Core app.",
                _ => $"Final image {baseImage}: console/worker app (no ASP.NET Core).",
            });
        if (project.ContainerBaseImage is null && project.ContainerFamily is null && options.Family is null && family is not null)
        {
            notes.Add($"Chiseled images have no shell or package manager; set ContainerFamily (e.g. 'alpine', or 'full' for the Debian/Ubuntu image) if the app needs them.");
        }

        sb.Append('\n').Append("FROM ").Append(baseImage).Append(" AS final\n");
        sb.Append("WORKDIR ").Append(project.ContainerWorkingDirectory ?? "/app").Append('\n');
        foreach (var port in Ports(project, version))
        {
            sb.Append("EXPOSE ").Append(port).Append('\n');
        }
        var environment = project.ContainerEnvironment.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (environment.Count > 0)
        {
            sb.Append("ENV ").Append(string.Join(" \\\n    ", environment.Select(e => e.Key + "=" + Quote(e.Value)))).Append('\n');
        }
        string? user = project.ContainerUser ?? (version.Major >= 8 ? "$APP_UID" : null);
        if (user is not null)
        {
            sb.Append("USER ").Append(user).Append('\n');
        }
        else
        {
            notes.Add($".NET {versionText} images have no non-root user: add one, or move to .NET 8 or later.");
        }
        sb.Append("COPY --from=build /app .\n");
        sb.Append(kind == DotNetImageKind.RuntimeDeps
            ? "ENTRYPOINT [" + Quote("./" + targetName) + "]\n"
            : "ENTRYPOINT [\"dotnet\", " + Quote(targetName + ".dll") + "]\n");

        string dockerfilePath = Path.Combine(projectDir, "Dockerfile");
        return new GeneratedFiles(sb.ToString(), DockerIgnoreText(), context, dockerfilePath, Path.Combine(context, ".dockerignore"), notes);
    }

    /// <summary>
    /// Ports the app listens on: ContainerPort items, else ASPNETCORE_HTTP_PORTS / ASPNETCORE_URLS from the
    /// container environment, else ASP.NET Core's default (8080 on .NET 8+, 80 before).
    /// </summary>
    private static IEnumerable<string> Ports(ProjectModel project, Version version)
    {
        if (project.ContainerPorts.Count > 0)
        {
            return project.ContainerPorts.Select(p => p.EndsWith("/tcp", StringComparison.OrdinalIgnoreCase) ? p.Substring(0, p.Length - 4) : p.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal).ToArray();
        }
        if (!project.IsWeb)
        {
            return Array.Empty<string>();
        }
        if (project.ContainerEnvironment.TryGetValue("ASPNETCORE_HTTP_PORTS", out var ports) && !string.IsNullOrWhiteSpace(ports))
        {
            return ports.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).ToArray();
        }
        if (project.ContainerEnvironment.TryGetValue("ASPNETCORE_URLS", out var urls) && !string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';').Select(u => u.Trim()).Select(u => u.Substring(u.LastIndexOf(':') + 1).TrimEnd('/'))
                .Where(p => p.Length > 0 && p.All(char.IsDigit)).Distinct().ToArray();
        }
        return new[] { version.Major >= 8 ? "8080" : "80" };
    }

    /// <summary>
    /// The context's .dockerignore: build outputs, VCS and IDE folders, local secrets and the
    /// Dockerfile itself. None of these patterns matches a file the Dockerfile copies.
    /// </summary>
    public static string DockerIgnoreText() => string.Join("\n", new[]
    {
        "# Generated by ContainerOpt: keep the build context small and free of secrets.",
        "**/bin/",
        "**/obj/",
        "**/.git",
        "**/.gitignore",
        "**/.vs",
        "**/.vscode",
        "**/.idea",
        "**/node_modules",
        "**/*.user",
        "**/*.suo",
        "**/TestResults",
        "**/.env",
        "**/*.pfx",
        "**/*.pem",
        "**/appsettings.*.local.json",
        "**/secrets.json",
        "**/Dockerfile*",
        "**/*.Dockerfile",
        "**/.dockerignore",
        "**/docker-compose*",
        "**/compose*.y*ml",
        "",
    });

    private static string DirectoryOf(string relative)
    {
        int slash = relative.LastIndexOf('/');
        return slash < 0 ? "" : relative.Substring(0, slash);
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>The deepest folder that contains all the given folders.</summary>
    public static string CommonDirectory(IEnumerable<string> directories)
    {
        string? common = null;
        foreach (var dir in directories)
        {
            string d = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar);
            if (common is null)
            {
                common = d;
                continue;
            }
            while (!(d == common || d.StartsWith(common + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                var parent = Path.GetDirectoryName(common);
                if (parent is null)
                {
                    return Path.GetPathRoot(d)!;
                }
                common = parent;
            }
        }
        return common ?? Directory.GetCurrentDirectory();
    }

    private static bool IsUnder(string context, string path)
    {
        string root = context.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>A path relative to the context, with '/' separators (as Dockerfiles want).</summary>
    public static string Relative(string context, string path)
    {
        string full = Path.GetFullPath(path);
        string root = context.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string relative = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : Path.GetFileName(full);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
