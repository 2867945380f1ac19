using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Engine;

/// <summary>Everything one analysis looks at; the caller (CLI, MSBuild task) has read it from disk.</summary>
public sealed class AnalysisInput
{
    public AnalysisInput(SourceText source)
    {
        Source = source;
    }

    public SourceText Source { get; }

    /// <summary>The .dockerignore of the build context; null when the context has none.</summary>
    public string? DockerIgnoreText { get; set; }

    /// <summary>The build context folder (full path), when known: for messages, and for the .NET rules to relate project files to COPY sources.</summary>
    public string? ContextDirectory { get; set; }

    /// <summary>What the build context holds (null: unknown, the checks that need it stay silent).</summary>
    public IContextFiles? ContextFiles { get; set; }

    /// <summary>Whether the context was named or assumed (the Dockerfile's folder).</summary>
    public ContextOrigin ContextOrigin { get; set; } = ContextOrigin.Stated;

    /// <summary>The .dockerignore docker reads (full path), or where it would be read when there is none: for messages.</summary>
    public string? DockerIgnorePath { get; set; }

    /// <summary>The .NET project; null leaves the .NET rules silent.</summary>
    public ProjectModel? Project { get; set; }

    public AnalysisOptions Options { get; set; } = AnalysisOptions.Default;

    /// <summary>
    /// What the .editorconfig and .globalconfig files that apply to this Dockerfile say of severities
    /// (<see cref="EditorConfigFiles"/>); per Dockerfile, where <see cref="Options"/> are shared by every Dockerfile of a configuration.
    /// </summary>
    public EditorConfigSeverities EditorConfig { get; set; } = EditorConfigSeverities.None;
}
