using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// The configuration of the checks on the .NET SDK's container properties, found as a Dockerfile's is but from the
/// project: the file named (ContainerOptConfig), else the nearest .hadolint.yaml / containeropt.yaml from the project's
/// folder up to the repository root; the mode (ContainerOptAnalysisMode) over the file's; the .editorconfig and
/// .globalconfig files whose sections match the project file (<c>[*.csproj]</c>, <c>[*]</c>), and the project's
/// analyzer configuration files. This is these checks' file access; the rules never touch the disk.
/// </summary>
public static class ContainerPropertiesConfiguration
{
    public static (AnalysisOptions Options, EditorConfigSeverities EditorConfig, IReadOnlyList<Finding> Problems) Load(
        string projectPath, string? configFile, AnalysisMode? mode, IEnumerable<string> analyzerConfigFiles, WarningSwitches warningSwitches)
    {
        string project = Path.GetFullPath(projectPath);
        string folder = Path.GetDirectoryName(project)!;
        var problems = new List<Finding>();
        IReadOnlyList<string> files;
        if (!string.IsNullOrWhiteSpace(configFile))
        {
            string named = Path.GetFullPath(Path.Combine(folder, configFile!.Trim()));
            if (!File.Exists(named))
            {
                var invalid = DiagnosticCatalog.InvalidConfiguration;
                problems.Add(new Finding(invalid, invalid.DefaultSeverity, invalid.FormatMessage(named, "the file does not exist. Fix ContainerOptConfig or remove it."), named, default, default));
                return (new AnalysisOptions(), EditorConfigSeverities.None, problems);
            }
            files = new[] { named };
        }
        else
        {
            files = ConfigurationFiles.Discover(folder, null);
        }
        var options = new AnalysisOptions();
        problems.AddRange(ConfigurationFiles.Load(files, options));
        if (mode is { } named2)
        {
            options.Mode = named2;
        }
        var editorConfig = EditorConfigFiles.Load(project, folder, analyzerConfigFiles, AnalysisRunCache.None);
        problems.AddRange(editorConfig.Problems);
        return (options, editorConfig.Severities.With(warningSwitches), problems);
    }
}
