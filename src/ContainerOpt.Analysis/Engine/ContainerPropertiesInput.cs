using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Engine;

/// <summary>
/// What the .NET SDK builds a container image from when there is no Dockerfile (<c>dotnet publish -t:PublishContainer</c>):
/// the project's container properties as the SDK computed them, and where the project files set them. The adapter (the
/// MSBuild task) reads the files; the rules only look.
/// </summary>
public sealed class ContainerPropertiesInput
{
    public ContainerPropertiesInput(ProjectModel project, string baseImage)
    {
        Project = project;
        BaseImage = baseImage;
    }

    /// <summary>
    /// The project; its <see cref="ProjectModel.ContainerBaseImage"/> is what the project set (null: the SDK chose), its
    /// <see cref="ProjectModel.ContainerUser"/>, <see cref="ProjectModel.ContainerPorts"/> and
    /// <see cref="ProjectModel.ContainerEnvironment"/> what the SDK builds with.
    /// </summary>
    public ProjectModel Project { get; }

    /// <summary>The image the SDK builds on: <c>ContainerBaseImage</c> after the SDK's <c>ComputeContainerBaseImage</c>.</summary>
    public string BaseImage { get; }

    /// <summary>True when the project set no <c>ContainerBaseImage</c> and the SDK chose <see cref="BaseImage"/> (from ContainerFamily, the app's kind and framework).</summary>
    public bool BaseImageInferred => Project.ContainerBaseImage is null;

    /// <summary>Where the project files set a property (ContainerBaseImage, ContainerFamily, ContainerUser), by name; absent: not in a project file.</summary>
    public IReadOnlyDictionary<string, ProjectFileLocation> Properties { get; set; } = new Dictionary<string, ProjectFileLocation>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ContainerPort items the project files add: Include and where it is written.</summary>
    public IReadOnlyList<(string Include, ProjectFileLocation Location)> PortItems { get; set; } = Array.Empty<(string, ProjectFileLocation)>();

    public AnalysisOptions Options { get; set; } = AnalysisOptions.Default;

    /// <summary>The .editorconfig and .globalconfig severities that apply to the project file.</summary>
    public EditorConfigSeverities EditorConfig { get; set; } = EditorConfigSeverities.None;
}
