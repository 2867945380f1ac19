using NuGet.Versioning;

namespace ContainerOpt.Core.Projects;

/// <summary>What kind of app the project builds (decides the right base image).</summary>
public enum ProjectKind
{
    Console,
    Web,
    Worker,
}

/// <summary>
/// A .NET project as the .NET rules and the generator need it: plain data, filled by the CLI from
/// an MSBuild evaluation or by the MSBuild task from properties and items.
/// </summary>
public sealed class ProjectModel
{
    /// <summary>Full path of the .csproj/.fsproj/.vbproj.</summary>
    public string ProjectPath { get; set; } = "";

    public string ProjectDirectory => System.IO.Path.GetDirectoryName(ProjectPath) ?? "";

    /// <summary>The TargetFramework(s): net10.0, net8.0 ...</summary>
    public IReadOnlyList<string> TargetFrameworks { get; set; } = Array.Empty<string>();

    public string OutputType { get; set; } = "Exe";
    public string AssemblyName { get; set; } = "";

    /// <summary>The apphost/dll base name (TargetName; usually the AssemblyName).</summary>
    public string TargetName { get; set; } = "";

    public ProjectKind Kind { get; set; } = ProjectKind.Console;

    /// <summary>
    /// What makes this a test project (<see cref="TestProjects.Evidence"/>: "IsTestProject=true", a test
    /// framework's package), or null for any other project. A test project is an Exe too, but not an app.
    /// </summary>
    public string? TestProjectEvidence { get; set; }

    public bool IsTestProject => TestProjectEvidence is not null;

    /// <summary>FrameworkReference items (Microsoft.AspNetCore.App ...).</summary>
    public IReadOnlyList<string> FrameworkReferences { get; set; } = Array.Empty<string>();

    public bool SelfContained { get; set; }
    public bool PublishAot { get; set; }
    public bool PublishTrimmed { get; set; }
    public bool PublishSingleFile { get; set; }
    public bool InvariantGlobalization { get; set; }
    public string? RuntimeIdentifier { get; set; }

    /// <summary>$(RuntimeIdentifiers): the RIDs the project is published for (one image each).</summary>
    public IReadOnlyList<string> RuntimeIdentifiers { get; set; } = Array.Empty<string>();

    /// <summary>
    /// RollForward (null: the default, Minor). Major, LatestMajor or Disable decide whether a
    /// framework-dependent app starts on a runtime of another major version than its TargetFramework.
    /// </summary>
    public string? RollForward { get; set; }

    /// <summary>Full paths of every project reached through ProjectReference, transitively.</summary>
    public IReadOnlyList<string> ProjectReferences { get; set; } = Array.Empty<string>();

    /// <summary>
    /// The analyzer configuration files the .NET SDK lists for the project (<c>@(EditorConfigFiles)</c> and
    /// <c>@(GlobalAnalyzerConfigFiles)</c>: the .editorconfig and .globalconfig files above its sources, and the global files
    /// packages and the project add), as given; they configure ContainerOpt's rules as they configure the compiler's.
    /// </summary>
    public IReadOnlyList<string> AnalyzerConfigFiles { get; set; } = Array.Empty<string>();

    /// <summary>Directory.Build.props/.targets, Directory.Packages.props, NuGet.config, global.json that apply (full paths).</summary>
    public IReadOnlyList<string> RestoreInputs { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Folders that NuGet.config lists as package sources (local feeds, full paths): restore inside the
    /// image reads them, so they are restore inputs too.
    /// </summary>
    public IReadOnlyList<string> LocalPackageSources { get; set; } = Array.Empty<string>();

    public bool ManagePackageVersionsCentrally { get; set; }

    /// <summary>The SDK the nearest global.json pins, with its roll-forward policy; null when none pins one.</summary>
    public DotNet.SdkPin? SdkPin { get; set; }

    /// <summary>ContainerPort items: "8080/tcp".</summary>
    public IReadOnlyList<string> ContainerPorts { get; set; } = Array.Empty<string>();
    public string? ContainerUser { get; set; }
    public string? ContainerBaseImage { get; set; }
    public string? ContainerFamily { get; set; }
    public string? ContainerWorkingDirectory { get; set; }
    public string? ContainerRepository { get; set; }
    public string? ContainerImageTag { get; set; }

    /// <summary>ContainerEnvironmentVariable items and environment the app sets (ASPNETCORE_HTTP_PORTS ...).</summary>
    public IReadOnlyDictionary<string, string> ContainerEnvironment { get; set; } = new Dictionary<string, string>();

    /// <summary>ContainerOptTargetFramework: the framework the image publishes when the project targets several; null: the newest.</summary>
    public string? PublishFramework { get; set; }

    /// <summary>
    /// The build context the project names for its Dockerfile, as a full path: <c>ContainerOptContext</c>, else Visual
    /// Studio's <c>DockerfileContext</c>, resolved against the project's folder; null when it names none. The MSBuild targets
    /// pass the same value to the tasks; the CLI takes it from here when no <c>--context</c> is given.
    /// </summary>
    public string? BuildContext { get; set; }

    /// <summary>True when the project targets more than one framework: a publish must name one (-f), or it fails (NETSDK1129).</summary>
    public bool IsMultiTargeted => TargetFrameworks.Count > 1;

    /// <summary>
    /// The framework the container runs: <see cref="PublishFramework"/> when set, else the newest .NET (Core) framework the
    /// project targets (net10.0 of net8.0;net10.0), else the first one.
    /// </summary>
    public string? ContainerFramework
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(PublishFramework))
            {
                return PublishFramework!.Trim();
            }
            string? newest = null;
            Version? newestVersion = null;
            foreach (var tfm in TargetFrameworks)
            {
                if (ParseTargetFramework(tfm) is { } v && (newestVersion is null || v > newestVersion))
                {
                    newest = tfm.Trim();
                    newestVersion = v;
                }
            }
            return newest ?? TargetFrameworks.FirstOrDefault();
        }
    }

    /// <summary>Major.minor of <see cref="ContainerFramework"/> (10.0 for net10.0), or null for non-.NET Core TFMs.</summary>
    public Version? FrameworkVersion => ContainerFramework is { } tfm ? ParseTargetFramework(tfm) : null;

    /// <summary>net8.0 gives 8.0; net8.0-windows gives 8.0; netcoreapp3.1 gives 3.1; net472/netstandard2.0 give null.</summary>
    public static Version? ParseTargetFramework(string tfm)
    {
        string t = tfm.Trim().ToLowerInvariant();
        int dash = t.IndexOf('-');
        if (dash >= 0) t = t.Substring(0, dash);
        string? number = t.StartsWith("netcoreapp", StringComparison.Ordinal) ? t.Substring(10)
            : t.StartsWith("net", StringComparison.Ordinal) && !t.StartsWith("netstandard", StringComparison.Ordinal) && t.Contains('.') ? t.Substring(3)
            : null;
        return number is not null && NuGetVersion.TryParse(number, out var v) && v.Major >= 1 && !v.IsPrerelease ? new Version(v.Major, v.Minor) : null;
    }

    public bool IsWeb => Kind == ProjectKind.Web || FrameworkReferences.Any(f => f.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase));
}
