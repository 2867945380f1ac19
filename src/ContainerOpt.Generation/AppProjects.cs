using ContainerOpt.Core.Projects;

namespace ContainerOpt.Generation;

/// <summary>
/// Which projects get a Dockerfile: apps a container runs (web, worker and console executables,
/// OutputType Exe or WinExe), not class libraries and not test projects. A solution-wide
/// <c>-t:ContainerOptGenerate</c> writes files for its apps only and says why it skipped the others.
/// </summary>
public static class AppProjects
{
    /// <summary>Why no Dockerfile is generated for the project (COPT0017's reason), or null for an app.</summary>
    public static string? WhyNotAnApp(ProjectModel project)
    {
        if (project.TestProjectEvidence is { } evidence)
        {
            return $"it is a test project ({evidence}); tests run with 'dotnet test', or in a test stage of an app's Dockerfile (ContainerOptTestProject, CLI: --test-project).";
        }
        string outputType = project.OutputType.Trim();
        if (outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return outputType.Equals("Library", StringComparison.OrdinalIgnoreCase)
            ? "it is a class library (OutputType Library), which nothing runs on its own; the apps that reference it get a Dockerfile that builds it."
            : $"its OutputType is {outputType}, not an executable (Exe or WinExe) a container can run.";
    }
}
