using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Cli.Projects;

/// <summary>
/// The native executable has no MSBuild: the framework-dependent tool keeps every command that evaluates a project
/// (NativeLauncher never hands them over). Reaching this is a bug of the hand-over, said as a usage problem.
/// </summary>
public static class MSBuildProjectLoader
{
    public static ProjectModel? TryLoad(string projectPath, out Finding? problem) =>
        throw new UsageException("this build of containeropt cannot evaluate projects; run it through the installed tool.");
}
