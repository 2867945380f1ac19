using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using Microsoft.Build.Framework;

namespace ContainerOpt.Tasks;

/// <summary>
/// Checks the properties the .NET SDK builds a container image from (<c>dotnet publish -t:PublishContainer</c>, no
/// Dockerfile) with the rules that check the same in a Dockerfile — the base image where a chiseled one fits, the app
/// as root, ports the app does not listen on — and logs each finding at the property in the project file (its line
/// and column), under the rule's own code. Runs after the SDK computed its container configuration, before it builds
/// the image. A thin adapter: the places come from <see cref="ProjectFileLocator"/>, the checks from
/// <see cref="ContainerPropertiesAnalyzer"/>.
/// </summary>
public sealed class CheckContainerProperties : ProjectTask
{
    /// <summary><c>ContainerBaseImage</c> as the SDK computed it (the project's <see cref="ProjectTask.ContainerBaseImage"/> is what the project set).</summary>
    [Required]
    public string BaseImage { get; set; } = "";

    /// <summary>The files MSBuild evaluated for the project, in order (Directory.Build.props, the project, Directory.Build.targets): where the properties are found.</summary>
    public ITaskItem[] ProjectFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>ContainerOptConfig.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>ContainerOptAnalysisMode.</summary>
    public string? AnalysisMode { get; set; }

    public ITaskItem[] EditorConfigFiles { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] GlobalAnalyzerConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Every finding logged.</summary>
    [Output]
    public ITaskItem[] Findings { get; private set; } = Array.Empty<ITaskItem>();

    protected override string? SubjectFile => ProjectPath;

    protected override void Run()
    {
        var project = BuildProjectModel();
        if (project is null)
        {
            return;
        }
        Core.Diagnostics.AnalysisMode? mode = null;
        if (PropertyValues.Blank(AnalysisMode) is { } modeText)
        {
            if (!AnalysisModeText.TryParse(modeText, out var parsed))
            {
                Diagnostics.Report(DiagnosticCatalog.InvalidConfiguration, project.ProjectPath, "ContainerOptAnalysisMode",
                    $"'{modeText}' is not a mode; use recommended, minimum, all or hadolint.");
                return;
            }
            mode = parsed;
        }
        var analyzerConfigs = EditorConfigFiles.Concat(GlobalAnalyzerConfigFiles).Select(FullPath).ToArray();
        project.AnalyzerConfigFiles = analyzerConfigs;
        var (options, editorConfig, problems) = ContainerPropertiesConfiguration.Load(project.ProjectPath, ConfigFile, mode, analyzerConfigs,
            new Analysis.Configuration.WarningSwitches(NoWarn, WarningsAsErrors, WarningsNotAsErrors));
        if (problems.Any(p => p.Severity == DiagnosticSeverity.Error))
        {
            Findings = Diagnostics.Report(problems, project.ProjectPath);
            return;
        }

        var files = ProjectFileLocator.Read(ProjectFiles.Select(FullPath));
        var properties = new Dictionary<string, ProjectFileLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in new[] { ("ContainerBaseImage", project.ContainerBaseImage), ("ContainerFamily", project.ContainerFamily), ("ContainerUser", project.ContainerUser) })
        {
            if (value is not null && ProjectFileLocator.Property(files, name, value) is { } location)
            {
                properties[name] = location;
            }
        }
        var input = new ContainerPropertiesInput(project, BaseImage.Trim())
        {
            Properties = properties,
            PortItems = ProjectFileLocator.Items(files, "ContainerPort"),
            Options = options,
            EditorConfig = editorConfig,
        };
        Diagnostics.Note(MessageImportance.Low, "checking the .NET SDK's container properties: base image {0}{1}", input.BaseImage, input.BaseImageInferred ? " (the SDK's default)" : "");
        Findings = Diagnostics.Report(problems.Concat(new ContainerPropertiesAnalyzer().Analyze(input)), project.ProjectPath);
    }

    private static string FullPath(ITaskItem item) => item.GetMetadata("FullPath") is { Length: > 0 } full ? full : item.ItemSpec;
}
