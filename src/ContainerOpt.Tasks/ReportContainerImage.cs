using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.Images;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.Images.Sdk;
using Microsoft.Build.Framework;

namespace ContainerOpt.Tasks;

/// <summary>
/// After the .NET SDK's <c>PublishContainer</c>: reads the image where the SDK put it (its tarball, the local engine,
/// or the registry it pushed to) and reports every layer as the Dockerfile route does — the table in the log, ContainerOptImageLayer items,
/// the JSON report — then applies the size, waste and efficiency gates, at the line of the project file that chose
/// the base image when the base image's layers are responsible. A thin adapter over ContainerOpt.Images.
/// </summary>
public sealed class ReportContainerImage : ImageReportTask
{
    [Required]
    public string ProjectPath { get; set; } = "";

    public string? AssemblyName { get; set; }

    /// <summary><c>ContainerArchiveOutputPath</c>: the tarball, or the folder the SDK writes <c>&lt;repository&gt;.tar.gz</c> in (relative to the project).</summary>
    public string? ArchivePath { get; set; }

    /// <summary><c>ContainerRegistry</c>: where the SDK pushed the image (read with docker's credentials; plain HTTP for localhost and DOTNET_CONTAINER_INSECURE_REGISTRIES, as the SDK).</summary>
    public string? Registry { get; set; }

    /// <summary><c>LocalRegistry</c>: Docker, Podman, or empty (the SDK's choice).</summary>
    public string? LocalRegistry { get; set; }

    /// <summary><c>ContainerRepository</c> as the SDK normalized it.</summary>
    [Required]
    public string Repository { get; set; } = "";

    /// <summary><c>@(ContainerImageTags)</c> as the SDK normalized them.</summary>
    public ITaskItem[] Tags { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ContainerBaseImage</c> after the SDK computed it.</summary>
    public string? BaseImage { get; set; }

    /// <summary>What the project set as <c>ContainerBaseImage</c> (the SDK's <c>_InitialContainerBaseImage</c>); empty: the SDK chose.</summary>
    public string? RequestedBaseImage { get; set; }

    /// <summary><c>ContainerWorkingDirectory</c>: where the publish output is in the image.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The files MSBuild evaluated for the project, in order (Directory.Build.props, the project, Directory.Build.targets): where ContainerBaseImage is found.</summary>
    public ITaskItem[] ProjectFiles { get; set; } = Array.Empty<ITaskItem>();

    protected override string? SubjectFile => ProjectPath;

    protected override (DiagnosticDescriptor Descriptor, string Message)? Describe(Exception exception) => exception switch
    {
        ImageBuilderException e => (e.Descriptor, e.Message),
        Images.Registry.RegistryException e => (e.Descriptor, e.Message),
        ImageReadException e => (DiagnosticCatalog.ImageUnreadable, DiagnosticCatalog.ImageUnreadable.FormatMessage(ImageReference, e.Message)),
        _ => null,
    };

    protected override void Run()
    {
        string project = Path.GetFullPath(ProjectPath);
        if (ImageReportOutput.Gates(Diagnostics, project, MaxImageSize, MaxWastedBytes, MinEfficiency, MaxUserWastedPercent,
                DiveCiFile, Path.GetDirectoryName(project), null) is not { } gates)
        {
            return;
        }

        string? archive = PropertyValues.Blank(ArchivePath) is { } a ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, a)) : null;
        var image = PublishedContainer.Locate(archive, Registry, LocalRegistry, Repository, Tags.Select(t => t.ItemSpec));
        ImageReference = image.Reference;
        var origin = new SdkImageOrigin(project, PropertyValues.Blank(BaseImage) ?? "(unknown)")
        {
            BaseImageInferred = PropertyValues.Blank(RequestedBaseImage) is null,
            AppName = PropertyValues.Blank(AssemblyName) ?? Path.GetFileNameWithoutExtension(project),
            WorkingDirectory = PropertyValues.Blank(WorkingDirectory),
        };
        if (!origin.BaseImageInferred)
        {
            var files = ProjectFileLocator.Read(ProjectFiles.Select(i => i.GetMetadata("FullPath") is { Length: > 0 } full ? full : i.ItemSpec));
            if (ProjectFileLocator.Property(files, "ContainerBaseImage", RequestedBaseImage) is { } location)
            {
                origin.BaseImageLocation = location.Source;
                origin.BaseImageLine = location.Line;
            }
        }

        Diagnostics.Note(MessageImportance.Normal, "reading {0}, which the .NET SDK built", image);
        var timeout = TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 1800);
        var readOptions = ReadOptions();
        var report = ImageLayers.FromPublishedContainer(image, origin, timeout, readOptions);
        KeepCompressedSizes(readOptions);
        Layers = ImageReportOutput.Report(Log, Diagnostics, report, ReportFile, HtmlReportFile, gates, project);
    }
}
