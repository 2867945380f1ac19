using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Core.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks;

/// <summary>
/// Analyses the project's Dockerfile and logs every finding as an MSBuild warning, error or
/// high-importance message with its code, help link and exact span. A thin adapter: the project
/// model comes from properties and items, the work from <see cref="DockerfileAnalyzer"/>. When
/// nothing changed since the last build the findings are re-logged from a cache in obj/.
/// </summary>
public sealed class AnalyzeDockerfile : ProjectTask
{
    [Required]
    public string Dockerfile { get; set; } = "";

    /// <summary>True when the path is the default (Dockerfile beside the project): a missing file is then silent.</summary>
    public bool DockerfileIsDefault { get; set; }

    /// <summary>The build context; default: the Dockerfile's folder.</summary>
    public string? Context { get; set; }

    /// <summary>Where the findings of the last analysis are kept (obj/…/containeropt.cache).</summary>
    public string? CacheFile { get; set; }

    /// <summary>A .hadolint.yaml or containeropt.yaml (ContainerOptConfig); default: the nearest found from the Dockerfile's folder up to the repository root (not the user's files: a build reports the same for everyone).</summary>
    public string? ConfigFile { get; set; }

    /// <summary>ContainerOptAnalysisMode: recommended (default), minimum, all or hadolint; empty: the configuration's, else recommended.</summary>
    public string? AnalysisMode { get; set; }

    /// <summary>
    /// The project's <c>@(EditorConfigFiles)</c> and <c>@(GlobalAnalyzerConfigFiles)</c> (the .NET SDK's lists for the compiler):
    /// their <c>dotnet_diagnostic</c> and <c>dotnet_analyzer_diagnostic</c> severities apply to the findings too. Files that
    /// do not exist are skipped; the Dockerfile's own .editorconfig and .globalconfig files are found without them.
    /// </summary>
    public ITaskItem[] EditorConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc cref="EditorConfigFiles"/>
    public ITaskItem[] GlobalAnalyzerConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Every finding logged, for the binlog and for targets that want to act on them.</summary>
    [Output]
    public ITaskItem[] Findings { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// $(ContainerOptErrorLog), made absolute against the project: where the SARIF of the findings the build reported is
    /// written (like Roslyn's ErrorLog), after NoWarn and the warnings-as-errors switches, from the cache too; empty: none.
    /// </summary>
    public string? ErrorLog { get; set; }

    protected override string? SubjectFile => Dockerfile;

    protected override void Run()
    {
        string dockerfile = Path.GetFullPath(Dockerfile);
        var reported = Analyze(dockerfile);
        if (PropertyValues.Blank(ErrorLog) is { } errorLog)
        {
            WriteErrorLog(Path.GetFullPath(errorLog), dockerfile, reported);
        }
    }

    /// <summary>Analyses (or re-logs from the cache), logs, and returns what was reported.</summary>
    private IReadOnlyList<LoggedFinding> Analyze(string dockerfile)
    {
        if (!File.Exists(dockerfile))
        {
            if (DockerfileIsDefault)
            {
                Diagnostics.Note(MessageImportance.Low, "no Dockerfile at {0}; nothing to analyse.", dockerfile);
                return Array.Empty<LoggedFinding>();
            }
            return Publish(new[] { LoggedFinding.From(DockerfileInput.FileProblem(DiagnosticCatalog.FileNotFound, dockerfile, dockerfile), dockerfile) });
        }

        Core.Diagnostics.AnalysisMode? mode = null;
        if (PropertyValues.Blank(AnalysisMode) is { } modeText)
        {
            if (!AnalysisModeText.TryParse(modeText, out var parsed))
            {
                var invalid = DiagnosticCatalog.InvalidConfiguration;
                return Publish(new[]
                {
                    new LoggedFinding(invalid.Id, invalid.DefaultSeverity, invalid.FormatMessage("ContainerOptAnalysisMode", $"'{modeText}' is not a mode; use recommended, minimum, all or hadolint."),
                        "", 0, 0, 0, 0, invalid.HelpUri),
                });
            }
            mode = parsed;
        }
        var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile)
        {
            Context = Context,
            ConfigFile = ConfigFile,
            Mode = mode,
            Project = WithAnalyzerConfigFiles(BuildProjectModel()),
            WarningSwitches = new Analysis.Configuration.WarningSwitches(NoWarn, WarningsAsErrors, WarningsNotAsErrors),
        });
        foreach (var note in loaded.Notes)
        {
            Diagnostics.Note(MessageImportance.Low, "{0}", note);
        }
        IReadOnlyList<LoggedFinding> findings;
        var cache = CacheFile is null ? null : new FindingCache(CacheFile);
        // The context's answers (which COPY sources exist) are inputs too: cached findings stand only while they still hold.
        // Findings cached without fixes must not serve a build that writes the error log: the key says which kind it holds.
        string cacheKey = WithFixes ? loaded.CacheKey + ";fixes" : loaded.CacheKey;
        if (cache is not null && cache.TryRead(cacheKey, out var cached, probes => loaded.ContextDirectory is null || DiskContextFiles.StillHolds(loaded.ContextDirectory, probes)))
        {
            findings = cached;
            Diagnostics.Note(MessageImportance.Low, "{0} unchanged; {1} finding(s) re-logged from {2}.", dockerfile, findings.Count, CacheFile);
        }
        else
        {
            // The SARIF error log carries each finding's fix (GitHub code scanning offers it); a plain build does not pay for them.
            var analyzer = new DockerfileAnalyzer();
            var all = loaded.Input is null ? loaded.Problems
                : loaded.Problems.Concat((WithFixes ? analyzer.AnalyzeWithFixes(loaded.Input) : analyzer.Analyze(loaded.Input)).Findings);
            findings = all.Select(f => LoggedFinding.From(f, dockerfile)).ToArray();
            cache?.Write(cacheKey, findings, loaded.ContextFiles?.Probes ?? new Dictionary<string, bool>());
        }
        return Publish(findings);
    }

    private bool WithFixes => PropertyValues.Blank(ErrorLog) is not null;

    private IReadOnlyList<LoggedFinding> Publish(IEnumerable<LoggedFinding> findings)
    {
        var reported = Diagnostics.Apply(findings);
        Findings = Diagnostics.Log(reported);
        return reported;
    }

    /// <summary>
    /// The SARIF of what the build reported, written atomically: the Dockerfile first (also when clean, so the log says it
    /// was analysed), then any other file with findings (a configuration file, a .dockerignore).
    /// </summary>
    private void WriteErrorLog(string errorLog, string dockerfile, IReadOnlyList<LoggedFinding> reported)
    {
        var files = new List<FileFindings> { new(dockerfile, reported.Where(f => f.File == dockerfile).Select(f => f.ToFinding()).ToArray()) };
        foreach (var group in reported.Where(f => f.File != dockerfile).GroupBy(f => f.File, StringComparer.Ordinal))
        {
            files.Add(new FileFindings(group.Key, group.Select(f => f.ToFinding()).ToArray()));
        }
        var sarif = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        FindingReportFormats.Sarif.Write(sarif, files, new ReportOptions
        {
            ToolVersion = ToolVersion,
            ExecutionSuccessful = !reported.Any(f => f.Severity == DiagnosticSeverity.Error && DiagnosticCatalog.ForCode(f.Code)?.Category == DiagnosticCategories.Tool),
        });
        try
        {
            AtomicFile.WriteAllText(errorLog, sarif.ToString());
            Diagnostics.Note(MessageImportance.Low, "wrote the SARIF error log {0}.", errorLog);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Diagnostics.Report(DiagnosticCatalog.FileUnwritable, errorLog, errorLog, e.Message);
        }
    }

    /// <summary>This package's version (SemVer, without the commit), as the SARIF tool version.</summary>
    private static string ToolVersion { get; } =
        typeof(AnalyzeDockerfile).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private Core.Projects.ProjectModel? WithAnalyzerConfigFiles(Core.Projects.ProjectModel? project)
    {
        if (project is not null)
        {
            project.AnalyzerConfigFiles = EditorConfigFiles.Concat(GlobalAnalyzerConfigFiles)
                .Select(i => i.GetMetadata("FullPath") is { Length: > 0 } full ? full : i.ItemSpec).ToArray();
        }
        return project;
    }
}
