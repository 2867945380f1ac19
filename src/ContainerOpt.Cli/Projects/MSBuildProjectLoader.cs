using System.Runtime.CompilerServices;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using Microsoft.Build.Evaluation;

namespace ContainerOpt.Cli.Projects;

/// <summary>
/// Fills a <see cref="ProjectModel"/> by evaluating the project with the machine's .NET SDK MSBuild
/// (found by Microsoft.Build.Locator), so the .NET rules see what a build would see: imports,
/// Directory.Build.props, central package management and the transitive ProjectReference closure.
/// </summary>
public static class MSBuildProjectLoader
{
    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>
    /// Loads the project, or returns null with the coded problem that says why (never throws): COPT0008 for a
    /// project that does not exist, COPT0005 for one MSBuild cannot evaluate.
    /// </summary>
    public static ProjectModel? TryLoad(string projectPath, out Finding? problem)
    {
        problem = null;
        if (!File.Exists(projectPath))
        {
            problem = DockerfileInput.FileProblem(DiagnosticCatalog.ProjectNotFound, projectPath, projectPath);
            return null;
        }
        try
        {
            EnsureMSBuild();
            return Evaluate(Path.GetFullPath(projectPath));
        }
        catch (Exception e)
        {
            problem = DockerfileInput.FileProblem(DiagnosticCatalog.InvalidConfiguration, projectPath, projectPath, $"the project could not be evaluated: {e.Message}");
            return null;
        }
    }

    private static void EnsureMSBuild()
    {
        lock (Gate)
        {
            if (_registered) return;
            if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered)
            {
                Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
            }
            _registered = true;
        }
    }

    // Kept out of line: MSBuild types must not be touched before the Locator has registered.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ProjectModel Evaluate(string path)
    {
        using var collection = new ProjectCollection();
        var project = LoadForOneFramework(collection, path);
        var model = new ProjectModel
        {
            ProjectPath = path,
            TargetFrameworks = Frameworks(project),
            PublishFramework = Value(project, "ContainerOptTargetFramework"),
            BuildContext = (Value(project, "ContainerOptContext") ?? Value(project, "DockerfileContext")) is { } context
                ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, context.Replace('\\', Path.DirectorySeparatorChar)))
                : null,
            OutputType = project.GetPropertyValue("OutputType"),
            AssemblyName = project.GetPropertyValue("AssemblyName"),
            TargetName = Value(project, "TargetName") ?? project.GetPropertyValue("AssemblyName"),
            SelfContained = IsTrue(project, "SelfContained"),
            PublishAot = IsTrue(project, "PublishAot"),
            PublishTrimmed = IsTrue(project, "PublishTrimmed"),
            PublishSingleFile = IsTrue(project, "PublishSingleFile"),
            InvariantGlobalization = IsTrue(project, "InvariantGlobalization"),
            RuntimeIdentifier = Value(project, "RuntimeIdentifier"),
            RuntimeIdentifiers = (Value(project, "RuntimeIdentifiers") ?? "").Split(';').Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
            ManagePackageVersionsCentrally = IsTrue(project, "ManagePackageVersionsCentrally"),
            ContainerUser = Value(project, "ContainerUser"),
            ContainerBaseImage = Value(project, "ContainerBaseImage"),
            ContainerFamily = Value(project, "ContainerFamily"),
            ContainerWorkingDirectory = Value(project, "ContainerWorkingDirectory"),
            ContainerRepository = Value(project, "ContainerRepository"),
            ContainerImageTag = Value(project, "ContainerImageTag"),
            TestProjectEvidence = TestProjects.Evidence(project.GetPropertyValue("IsTestProject"), project.GetPropertyValue("IsTestingPlatformApplication"),
                project.GetItems("PackageReference").Select(i => i.EvaluatedInclude)),
            FrameworkReferences = project.GetItems("FrameworkReference").Select(i => i.EvaluatedInclude).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            ContainerPorts = project.GetItems("ContainerPort").Select(i =>
            {
                string type = i.GetMetadataValue("Type");
                return string.IsNullOrEmpty(type) ? i.EvaluatedInclude : i.EvaluatedInclude + "/" + type;
            }).ToArray(),
            ContainerEnvironment = project.GetItems("ContainerEnvironmentVariable")
                .GroupBy(i => i.EvaluatedInclude).ToDictionary(g => g.Key, g => g.Last().GetMetadataValue("Value")),
            // The SDK's lists for the compiler, as the MSBuild task gets them.
            AnalyzerConfigFiles = project.GetItems("EditorConfigFiles").Concat(project.GetItems("GlobalAnalyzerConfigFiles"))
                .Select(i => i.GetMetadataValue("FullPath")).ToArray(),
        };
        model.Kind = IsTrue(project, "UsingMicrosoftNETSdkWeb") || model.FrameworkReferences.Contains("Microsoft.AspNetCore.App", StringComparer.OrdinalIgnoreCase)
            ? ProjectKind.Web
            : IsTrue(project, "UsingMicrosoftNETSdkWorker") ? ProjectKind.Worker : ProjectKind.Console;
        model.ProjectReferences = ReferenceClosure(collection, project);
        model.RestoreInputs = RestoreInputs(collection, path, project, model.ProjectReferences);
        model.LocalPackageSources = RestoreInputFiles.LocalPackageSources(model.RestoreInputs);
        model.SdkPin = RestoreInputFiles.SdkPin(model.ProjectDirectory, model.RestoreInputs);
        return model;
    }

    private static Project LoadForOneFramework(ProjectCollection collection, string path, IDictionary<string, string>? globals = null)
    {
        var project = collection.LoadProject(path, globals, null);
        var frameworks = project.GetPropertyValue("TargetFrameworks");
        if (string.IsNullOrWhiteSpace(project.GetPropertyValue("TargetFramework")) && !string.IsNullOrWhiteSpace(frameworks))
        {
            // Multi-targeted: evaluate once for the first framework, as an inner build would.
            var g = new Dictionary<string, string>(globals ?? new Dictionary<string, string>()) { ["TargetFramework"] = frameworks.Split(';')[0].Trim() };
            project = collection.LoadProject(path, g, null);
        }
        return project;
    }

    private static IReadOnlyList<string> Frameworks(Project project)
    {
        var many = project.GetPropertyValue("TargetFrameworks");
        if (!string.IsNullOrWhiteSpace(many))
        {
            return many.Split(';').Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
        }
        var one = project.GetPropertyValue("TargetFramework");
        return string.IsNullOrWhiteSpace(one) ? Array.Empty<string>() : new[] { one.Trim() };
    }

    private static IReadOnlyList<string> ReferenceClosure(ProjectCollection collection, Project root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Project>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var project = queue.Dequeue();
            foreach (var item in project.GetItems("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(project.DirectoryPath, item.EvaluatedInclude.Replace('\\', Path.DirectorySeparatorChar)));
                if (!File.Exists(full) || !seen.Add(full))
                {
                    continue;
                }
                try
                {
                    queue.Enqueue(LoadForOneFramework(collection, full));
                }
                catch (Microsoft.Build.Exceptions.InvalidProjectFileException)
                {
                    // A broken reference is still a restore input; its own references are unknown.
                }
            }
        }
        return seen.ToArray();
    }

    /// <summary>Directory.Build.*, Directory.Packages.props, NuGet.config and global.json that restore reads: what the evaluations imported, and what lies above each project.</summary>
    private static IReadOnlyList<string> RestoreInputs(ProjectCollection collection, string path, Project project, IReadOnlyList<string> references)
    {
        var imports = new List<string>();
        foreach (var p in new[] { path }.Concat(references))
        {
            Project evaluated;
            try
            {
                evaluated = p == path ? project : LoadForOneFramework(collection, p);
            }
            catch (Microsoft.Build.Exceptions.InvalidProjectFileException)
            {
                continue;
            }
            foreach (var import in evaluated.Imports)
            {
                var file = import.ImportedProject.FullPath;
                var name = Path.GetFileName(file);
                if (name.Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Directory.Build.targets", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase))
                {
                    imports.Add(file);
                }
            }
        }
        return RestoreInputFiles.ForProjects(new[] { path }.Concat(references), imports);
    }

    private static string? Value(Project project, string name)
    {
        var v = project.GetPropertyValue(name);
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    private static bool IsTrue(Project project, string name) =>
        string.Equals(project.GetPropertyValue(name).Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
