using ContainerOpt.Analysis.Requests;
using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Generation;
using ContainerOpt.Images;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks;

/// <summary>
/// Builds the project's Dockerfile with the machine's builder (docker, BuildKit, buildx or podman),
/// streams the builder's output into the log, reads the image back and reports every layer: a table
/// in the log, ContainerOptImageLayer items, a JSON report and an HTML page; reports the credential files the
/// layers carry (errors at the Dockerfile line that added them); then applies the size/waste/efficiency gates. A thin adapter over ContainerOpt.Images: every failure is a coded, positioned diagnostic.
/// </summary>
public sealed class BuildContainerImage : ImageReportTask
{
    [Required]
    public string Dockerfile { get; set; } = "";

    /// <summary>The build context; empty: the context a generated Dockerfile names, else the Dockerfile's folder.</summary>
    public string? Context { get; set; }

    public string? ProjectPath { get; set; }

    /// <summary>auto | docker | buildx | podman.</summary>
    public string? Builder { get; set; }

    /// <summary>buildx builder instance (a remote BuildKit), for --builder.</summary>
    public string? BuildxBuilder { get; set; }

    public string? ImageName { get; set; }
    public string? ImageTag { get; set; }
    public string? BuildTarget { get; set; }
    public string? Platform { get; set; }
    public string? Network { get; set; }
    public string? CacheFrom { get; set; }
    public string? CacheTo { get; set; }

    /// <summary>ContainerOptBuildArg items: Include = name, Value, Secret=true to keep the value out of logs and argv.</summary>
    public ITaskItem[] BuildArgs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>ContainerOptLabel items: Include = key, Value.</summary>
    public ITaskItem[] Labels { get; set; } = Array.Empty<ITaskItem>();

    // OCI annotations from the project.
    public string? Version { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Authors { get; set; }
    public string? RepositoryUrl { get; set; }
    public string? SourceRevisionId { get; set; }

    [Output]
    public string? ImageId { get; private set; }

    protected override string? SubjectFile => ProjectPath ?? Dockerfile;

    protected override (DiagnosticDescriptor Descriptor, string Message)? Describe(Exception exception) => exception switch
    {
        ImageBuilderException e => (e.Descriptor, e.Message),
        ImageReadException e => (DiagnosticCatalog.ImageUnreadable, DiagnosticCatalog.ImageUnreadable.FormatMessage(ImageReference, e.Message)),
        _ => null,
    };

    protected override void Run()
    {
        string dockerfile = Path.GetFullPath(Dockerfile);
        if (!File.Exists(dockerfile))
        {
            Diagnostics.ReportMessage(DiagnosticCatalog.FileNotFound, ProjectPath ?? dockerfile, DiagnosticCatalog.FileNotFound.FormatMessage(dockerfile)
                + " To build an image, add a Dockerfile or generate one: dotnet build -t:ContainerOptGenerate.");
            return;
        }
        if (!BuilderPreferences.TryParse(string.IsNullOrWhiteSpace(Builder) ? "auto" : Builder, out var preference))
        {
            Diagnostics.Report(DiagnosticCatalog.InvalidConfiguration, ProjectPath ?? dockerfile, "ContainerOptBuilder",
                $"'{Builder}' is not a builder; use auto, docker, buildx or podman.");
            return;
        }
        string? projectDirectory = string.IsNullOrEmpty(ProjectPath) ? null : Path.GetDirectoryName(Path.GetFullPath(ProjectPath!));
        // Read before the build: a gate or a .dive-ci file that cannot be read fails fast, at its line.
        if (ImageReportOutput.Gates(Diagnostics, ProjectPath ?? dockerfile, MaxImageSize, MaxWastedBytes, MinEfficiency, MaxUserWastedPercent,
                DiveCiFile, projectDirectory, Path.GetDirectoryName(dockerfile)) is not { } gates)
        {
            return;
        }

        string text = File.ReadAllText(dockerfile);
        string context = AnalysisRequestLoader.ResolveContext(Context, dockerfile, text, ProjectPath);
        ImageReference = Reference();

        var builder = BuilderDetector.Detect(preference);
        Diagnostics.Note(MessageImportance.Normal, "building {0} with {1}; context {2}", ImageReference, builder, context);
        foreach (var note in builder.Notes)
        {
            Diagnostics.Note(MessageImportance.Normal, "{0}", note);
        }
        var request = new ImageBuildRequest(context, dockerfile)
        {
            Tags = new[] { ImageReference },
            BuildArgs = BuildArgs.Select(i => new BuildArgument(i.ItemSpec, i.GetMetadata("Value"), PropertyValues.IsTrue(i.GetMetadata("Secret")))).ToArray(),
            Target = PropertyValues.Blank(BuildTarget),
            Platforms = PropertyValues.List(Platform, ';', ','),
            Labels = OciLabels.From(new OciProjectMetadata
            {
                Version = PropertyValues.Blank(Version),
                Title = PropertyValues.Blank(Title),
                Description = PropertyValues.Blank(Description),
                Authors = PropertyValues.Blank(Authors),
                SourceUrl = PropertyValues.Blank(RepositoryUrl),
                Revision = PropertyValues.Blank(SourceRevisionId),
            }).Concat(Labels.Select(i => new KeyValuePair<string, string>(i.ItemSpec, i.GetMetadata("Value")))).ToArray(),
            Network = PropertyValues.Blank(Network),
            CacheFrom = PropertyValues.List(CacheFrom, ';', ','),
            CacheTo = PropertyValues.List(CacheTo, ';', ','),
            BuilderName = PropertyValues.Blank(BuildxBuilder),
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 1800),
        };

        // One model for the platform check, the build's failure mapping and the attribution, with the build args applied.
        var model = ImageBuilder.ReadModel(request);
        var platformFindings = Analysis.Engine.InlineSuppressions.Apply(model.Syntax, BaseImagePlatformCheck.Run(model, dockerfile, builder, request));
        Diagnostics.Report(platformFindings, dockerfile);
        if (Log.HasLoggedErrors)
        {
            return;
        }

        // The builder's own output at normal importance (-v:n); one line per finished step at high importance, which
        // the console logger shows at its default (minimal) verbosity, so a long build is seen to move. The terminal
        // logger shows no message below -v:detailed by design; its live line names the running target and its time.
        var result = ImageBuilder.Build(request, builder,
            line => Log.LogMessage(MessageImportance.Normal, "{0}", line.Text),
            model,
            step => Diagnostics.Note(MessageImportance.High, "{0}", BuildStepLine.Format(step)));
        if (!result.Succeeded)
        {
            Diagnostics.Report(new[] { result.Failure!.Finding }, dockerfile);
            return;
        }
        ImageId = result.ImageId;
        Diagnostics.Note(MessageImportance.High, "built {0} ({1}) with {2} in {3:F1} s; {4} of {5} steps cached",
            ImageReference, ShortId(result.ImageId), builder.DisplayName, result.Elapsed.TotalSeconds, result.Steps.Count(s => s.Cached), result.Steps.Count);

        var readOptions = ReadOptions();
        var report = ImageLayers.FromEngine(builder, ImageReference, request.Timeout, readOptions);
        KeepCompressedSizes(readOptions);
        report = ImageLayers.Attribute(report, model, dockerfile, request.Target);
        Layers = ImageReportOutput.Report(Log, Diagnostics, report, ReportFile, HtmlReportFile, gates, dockerfile);
    }

    /// <summary>name:tag, lower-cased as image references must be.</summary>
    private string Reference()
    {
        string name = string.IsNullOrWhiteSpace(ImageName) ? Path.GetFileNameWithoutExtension(ProjectPath ?? "app") : ImageName!;
        name = name.Trim().ToLowerInvariant().Replace(' ', '-');
        string tag = string.IsNullOrWhiteSpace(ImageTag) ? "latest" : ImageTag!.Trim().Replace('+', '-');
        // A name that already carries a tag (a ':' after the last '/') keeps it.
        return name.LastIndexOf(':') > name.LastIndexOf('/') ? name : name + ":" + tag;
    }

    private static string ShortId(string? id) => id is null ? "?" : id.StartsWith("sha256:", StringComparison.Ordinal) && id.Length > 19 ? id.Substring(7, 12) : id;

}
