using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Images.Layers;

/// <summary>
/// What made the layers of an image the .NET SDK built (<c>dotnet publish -t:PublishContainer</c>), where no
/// Dockerfile says it: the SDK adds exactly one layer, the publish output under the working directory, on top of
/// the base image's layers (its history entry reads <c>.NET SDK Container Tooling, version …</c>). The base image's
/// layers are attributed to the project property that chose the base (<c>ContainerBaseImage</c>, at its line when
/// the project files set it, else the project file), the app's layer to the project file.
/// </summary>
public static class SdkImageAttribution
{
    /// <summary>What the SDK writes as the created_by of the layer it adds.</summary>
    public const string SdkHistoryPrefix = ".NET SDK Container Tooling";

    public static ImageReport Attribute(ImageReport report, SdkImageOrigin origin)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        if (origin is null) throw new ArgumentNullException(nameof(origin));
        if (report.Layers.Count == 0) return report;

        string baseLabel = "base image " + origin.BaseImage + (origin.BaseImageInferred ? " (the SDK's default)" : "");
        string appLabel = "app: publish output of " + origin.AppName + " in " + (string.IsNullOrEmpty(origin.WorkingDirectory) ? "/app/" : origin.WorkingDirectory);
        string? baseFile = origin.BaseImageLocation?.Path ?? origin.ProjectPath;
        int? baseLine = origin.BaseImageLocation is null ? null : origin.BaseImageLine;
        int app = report.Layers.Count - 1;
        var layers = report.Layers
            .Select(l => l.Index == app
                ? l.WithOrigin(appLabel, origin.ProjectPath, null)
                : l.WithOrigin(baseLabel, baseFile, baseLine))
            .ToArray();
        // The gates place a finding at its layer's line of this text (the file that sets ContainerBaseImage); every layer but
        // the app's is the base image's (the user-wasted share counts only what the SDK added).
        return report.WithLayers(layers, origin.BaseImageLocation, app);
    }

    /// <summary>True when the layer's history says the .NET SDK's container tooling made it.</summary>
    public static bool IsSdkLayer(LayerReport layer) =>
        layer.CreatedBy?.StartsWith(SdkHistoryPrefix, StringComparison.Ordinal) == true;
}

/// <summary>What the project said about the image the SDK built: for <see cref="SdkImageAttribution"/>.</summary>
public sealed class SdkImageOrigin
{
    public SdkImageOrigin(string projectPath, string baseImage)
    {
        ProjectPath = projectPath;
        BaseImage = baseImage;
    }

    /// <summary>The project file (full path).</summary>
    public string ProjectPath { get; }

    /// <summary>The base image the SDK built on (its <c>ContainerBaseImage</c> after <c>ComputeContainerBaseImage</c>).</summary>
    public string BaseImage { get; }

    /// <summary>True when the project set no <c>ContainerBaseImage</c> and the SDK chose it.</summary>
    public bool BaseImageInferred { get; set; }

    /// <summary>The text of the file that sets <c>ContainerBaseImage</c> (its path included), when a project file does.</summary>
    public SourceText? BaseImageLocation { get; set; }

    /// <summary>1-based line of <c>ContainerBaseImage</c> in <see cref="BaseImageLocation"/>.</summary>
    public int? BaseImageLine { get; set; }

    /// <summary>The app's name in the origin of its layer (the assembly name).</summary>
    public string AppName { get; set; } = "the project";

    /// <summary><c>ContainerWorkingDirectory</c>: where the publish output lands (the SDK's default: <c>/app/</c>).</summary>
    public string? WorkingDirectory { get; set; }
}
