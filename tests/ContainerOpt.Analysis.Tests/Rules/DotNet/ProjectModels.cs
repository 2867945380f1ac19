using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

/// <summary>
/// Projects for the .NET rule tests. The build context is <c>/context</c> (what
/// <see cref="Infrastructure.RuleVerifier"/> passes as AnalysisInput.ContextDirectory); the project
/// lives in <c>/context/src/Api</c> unless a test moves it.
/// </summary>
internal static class ProjectModels
{
    public const string Context = "/context";

    /// <summary>An ASP.NET Core app (Microsoft.NET.Sdk.Web): Api.csproj, framework-dependent.</summary>
    public static ProjectModel Web(string tfm = "net10.0", Action<ProjectModel>? configure = null) =>
        Create(ProjectKind.Web, "Api", tfm, new[] { "Microsoft.AspNetCore.App" }, configure);

    /// <summary>A console app: Tool.csproj.</summary>
    public static ProjectModel Console(string tfm = "net10.0", Action<ProjectModel>? configure = null) =>
        Create(ProjectKind.Console, "Tool", tfm, Array.Empty<string>(), configure);

    /// <summary>A worker service (Microsoft.NET.Sdk.Worker): Worker.csproj.</summary>
    public static ProjectModel Worker(string tfm = "net10.0", Action<ProjectModel>? configure = null) =>
        Create(ProjectKind.Worker, "Worker", tfm, Array.Empty<string>(), configure);

    private static ProjectModel Create(ProjectKind kind, string name, string tfm, string[] frameworks, Action<ProjectModel>? configure)
    {
        var project = new ProjectModel
        {
            ProjectPath = $"{Context}/src/{name}/{name}.csproj",
            TargetFrameworks = tfm.Split(';'),
            OutputType = "Exe",
            AssemblyName = name,
            TargetName = name,
            Kind = kind,
            FrameworkReferences = frameworks,
        };
        configure?.Invoke(project);
        return project;
    }
}
