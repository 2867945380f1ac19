using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// What a caller asks to analyse, as the user gave it: the MSBuild task from its properties, the CLI
/// from its arguments. <see cref="AnalysisRequestLoader"/> turns it into the inputs of one analysis
/// the same way for both, so <c>containeropt lint --project</c> and <c>dotnet build</c> agree.
/// </summary>
public sealed class AnalysisRequest
{
    public AnalysisRequest(string dockerfile)
    {
        Dockerfile = dockerfile;
    }

    /// <summary>The Dockerfile, as given (relative to the working folder or absolute).</summary>
    public string Dockerfile { get; }

    /// <summary>
    /// The build context the user named (MSBuild: ContainerOptContext, else Visual Studio's DockerfileContext;
    /// CLI: --context), or null: then the folder a generated Dockerfile's header names, else the Dockerfile's folder.
    /// </summary>
    public string? Context { get; set; }

    /// <summary>A configuration file the user named (ContainerOptConfig, --config), or null to discover one.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The mode named by the caller (MSBuild ContainerOptAnalysisMode, CLI --mode); it wins over the configuration's <c>mode:</c>.</summary>
    public Core.Diagnostics.AnalysisMode? Mode { get; set; }

    /// <summary>The .NET project, or null (the project-aware rules then judge what the Dockerfile alone shows).</summary>
    public ProjectModel? Project { get; set; }

    /// <summary>The PATH on which to find the tools the analysis runs (shellcheck); null: this process's PATH.</summary>
    public string? SearchPath { get; set; }

    /// <summary>
    /// What the Dockerfiles of one run share (folder listings, configuration, ShellCheck), or null to ask the disk for
    /// this Dockerfile alone: a process that loads many Dockerfiles at once passes one cache to every request.
    /// </summary>
    public AnalysisRunCache? RunCache { get; set; }

    /// <summary>
    /// MSBuild's NoWarn, WarningsAsErrors and WarningsNotAsErrors, which the caller applies to the findings: the rules they
    /// name take no severity from .editorconfig and .globalconfig files, as in the compiler (<see cref="Configuration.WarningSwitches"/>).
    /// </summary>
    public Configuration.WarningSwitches WarningSwitches { get; set; } = Configuration.WarningSwitches.None;
}
