using ContainerOpt.Core.Projects;
using Microsoft.Build.Framework;

namespace ContainerOpt.Tasks;

/// <summary>
/// The project as MSBuild evaluated it, passed in as properties and items, so no task has to
/// evaluate the project again. Shared by the analysis and generation tasks.
/// </summary>
public abstract class ProjectTask : ContainerOptTask
{
    public string? ProjectPath { get; set; }
    public string? TargetFramework { get; set; }
    public string? TargetFrameworks { get; set; }

    /// <summary>$(ContainerOptTargetFramework): the framework the image publishes when the project targets several.</summary>
    public string? ContainerTargetFramework { get; set; }
    public string? OutputType { get; set; }
    public string? AssemblyName { get; set; }
    public string? TargetName { get; set; }
    public bool UsingMicrosoftNETSdkWeb { get; set; }
    public bool UsingMicrosoftNETSdkWorker { get; set; }
    public bool SelfContained { get; set; }
    public bool PublishAot { get; set; }
    public bool PublishTrimmed { get; set; }
    public bool PublishSingleFile { get; set; }
    public bool InvariantGlobalization { get; set; }
    public bool ManagePackageVersionsCentrally { get; set; }
    public string? RuntimeIdentifier { get; set; }
    public string? RuntimeIdentifiers { get; set; }
    public string? RollForward { get; set; }
    public string? ContainerUser { get; set; }
    public string? ContainerBaseImage { get; set; }
    public string? ContainerFamily { get; set; }
    public string? ContainerWorkingDirectory { get; set; }
    public string? ContainerRepository { get; set; }
    public string? ContainerImageTag { get; set; }
    public ITaskItem[] ProjectReferences { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] FrameworkReferences { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] ContainerPorts { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] RestoreInputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>$(IsTestProject), $(IsTestingPlatformApplication) and @(PackageReference): what tells a test project from an app.</summary>
    public string? IsTestProject { get; set; }
    public string? IsTestingPlatformApplication { get; set; }
    public ITaskItem[] PackageReferences { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project model, or null when no project path was given.</summary>
    protected internal ProjectModel? BuildProjectModel()
    {
        if (string.IsNullOrWhiteSpace(ProjectPath))
        {
            return null;
        }
        string projectPath = Path.GetFullPath(ProjectPath!);
        var frameworks = (string.IsNullOrWhiteSpace(TargetFrameworks) ? TargetFramework ?? "" : TargetFrameworks!)
            .Split(';').Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
        var frameworkReferences = FrameworkReferences.Select(i => i.ItemSpec).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var projectReferences = ProjectReferences.Select(i => FullPath(i, projectPath)).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        var restoreInputs = RestoreInputFiles.ForProjects(new[] { projectPath }.Concat(projectReferences), RestoreInputs.Select(i => FullPath(i, projectPath)));
        return new ProjectModel
        {
            ProjectPath = projectPath,
            TargetFrameworks = frameworks,
            PublishFramework = PropertyValues.Blank(ContainerTargetFramework),
            OutputType = string.IsNullOrWhiteSpace(OutputType) ? "Exe" : OutputType!,
            AssemblyName = AssemblyName ?? "",
            TargetName = string.IsNullOrWhiteSpace(TargetName) ? AssemblyName ?? "" : TargetName!,
            TestProjectEvidence = TestProjects.Evidence(IsTestProject, IsTestingPlatformApplication, PackageReferences.Select(i => i.ItemSpec)),
            Kind = UsingMicrosoftNETSdkWeb || frameworkReferences.Contains("Microsoft.AspNetCore.App", StringComparer.OrdinalIgnoreCase)
                ? ProjectKind.Web
                : UsingMicrosoftNETSdkWorker ? ProjectKind.Worker : ProjectKind.Console,
            FrameworkReferences = frameworkReferences,
            SelfContained = SelfContained,
            PublishAot = PublishAot,
            PublishTrimmed = PublishTrimmed,
            PublishSingleFile = PublishSingleFile,
            InvariantGlobalization = InvariantGlobalization,
            RuntimeIdentifier = PropertyValues.Blank(RuntimeIdentifier),
            RuntimeIdentifiers = PropertyValues.List(RuntimeIdentifiers),
            RollForward = PropertyValues.Blank(RollForward),
            ManagePackageVersionsCentrally = ManagePackageVersionsCentrally,
            ProjectReferences = projectReferences,
            RestoreInputs = restoreInputs,
            LocalPackageSources = RestoreInputFiles.LocalPackageSources(restoreInputs),
            SdkPin = RestoreInputFiles.SdkPin(Path.GetDirectoryName(projectPath) ?? "", restoreInputs),
            ContainerPorts = ContainerPorts.Select(i => string.IsNullOrEmpty(i.GetMetadata("Type")) ? i.ItemSpec : i.ItemSpec + "/" + i.GetMetadata("Type")).ToArray(),
            ContainerEnvironment = ContainerEnvironmentVariables.GroupBy(i => i.ItemSpec).ToDictionary(g => g.Key, g => g.Last().GetMetadata("Value")),
            ContainerUser = PropertyValues.Blank(ContainerUser),
            ContainerBaseImage = PropertyValues.Blank(ContainerBaseImage),
            ContainerFamily = PropertyValues.Blank(ContainerFamily),
            ContainerWorkingDirectory = PropertyValues.Blank(ContainerWorkingDirectory),
            ContainerRepository = PropertyValues.Blank(ContainerRepository),
            ContainerImageTag = PropertyValues.Blank(ContainerImageTag),
        };
    }

    private static string FullPath(ITaskItem item, string projectPath)
    {
        string full = item.GetMetadata("FullPath");
        return string.IsNullOrEmpty(full)
            ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, item.ItemSpec))
            : full;
    }
}
