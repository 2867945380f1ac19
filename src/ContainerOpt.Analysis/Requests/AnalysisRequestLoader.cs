using System.Security.Cryptography;
using System.Text;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.ShellCheck;
using ContainerOpt.Core.BuildContext;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// The one way in for every adapter (MSBuild tasks, CLI): reads the Dockerfile, resolves the build
/// context (the one named, else the folder a generated Dockerfile's header names, else the Dockerfile's
/// folder), reads the .dockerignore docker would read, finds and reads the configuration, finds the tools the
/// engine runs (shellcheck on PATH), and computes the cache key over all of it (same key, same findings). Every problem is a coded finding, never an exception.
/// This is the analysis' file access; rules never touch the disk.
/// </summary>
public static class AnalysisRequestLoader
{
    private const string KeyVersion = "containeropt-cache-v2";

    public static LoadedRequest Load(AnalysisRequest request)
    {
        string dockerfile = Path.GetFullPath(request.Dockerfile);
        var key = new StringBuilder(KeyVersion).Append('\n');
        key.Append(typeof(AnalysisRequestLoader).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        key.Append(typeof(Core.Diagnostics.Finding).Assembly.ManifestModule.ModuleVersionId).Append('\n');

        var source = ReadDockerfile(dockerfile, out var bytes, out var readProblem);
        if (source is null)
        {
            return LoadedRequest.Failed(dockerfile, key.Append(dockerfile).ToString(), readProblem!);
        }
        key.Append(dockerfile).Append('\n').Append(Hash(bytes!)).Append('\n');

        string context = ResolveContext(request.Context, dockerfile, source.Text, request.Project?.ProjectPath);
        var origin = !string.IsNullOrWhiteSpace(request.Context)
            || (request.Project?.ProjectPath is { Length: > 0 } projectPath && GeneratedDockerfileHeader.TryGetContext(source.Text, Path.GetFullPath(projectPath), out _))
            ? ContextOrigin.Stated : ContextOrigin.Assumed;
        key.Append("context ").Append(origin).Append('\n');
        var contextFiles = new DiskContextFiles(context);
        if (!Directory.Exists(context))
        {
            return LoadedRequest.Failed(dockerfile, key.ToString(), DockerfileInput.FileProblem(DiagnosticCatalog.InvalidConfiguration, dockerfile,
                "build context", $"the folder '{context}' does not exist. Set ContainerOptContext (CLI: --context) to the folder docker build runs in."));
        }
        var (dockerIgnorePath, dockerIgnore) = ReadDockerIgnore(dockerfile, context);
        key.Append(context).Append('\n').Append(dockerIgnorePath ?? "-").Append('\n')
            .Append(dockerIgnore is null ? "-" : Hash(Encoding.UTF8.GetBytes(dockerIgnore))).Append('\n');
        AppendProject(key, request.Project);

        // Configuration files are inputs too: their text goes into the key, their problems are findings.
        IReadOnlyList<string> configFiles;
        if (!string.IsNullOrWhiteSpace(request.ConfigFile))
        {
            string named = Path.GetFullPath(request.ConfigFile!.Trim());
            if (!File.Exists(named))
            {
                return LoadedRequest.Failed(dockerfile, key.ToString(), DockerfileInput.FileProblem(DiagnosticCatalog.InvalidConfiguration, named,
                    named, "the file does not exist. Fix ContainerOptConfig (CLI: --config) or remove it."));
            }
            configFiles = new[] { named };
        }
        else
        {
            configFiles = ConfigurationFiles.Discover(Path.GetDirectoryName(dockerfile)!, context);
        }
        foreach (var file in configFiles)
        {
            key.Append(file).Append('\n').Append(TryHashFile(file)).Append('\n');
        }
        var options = new AnalysisOptions();
        var problems = new List<Core.Diagnostics.Finding>(ConfigurationFiles.Load(configFiles, options));
        if (request.Mode is { } mode)
        {
            options.Mode = mode;
        }
        key.Append("mode ").Append(options.EffectiveMode.ToText()).Append('\n');

        // ShellCheck, when on PATH, checks the RUN scripts: another ShellCheck gives other findings, so it is an input too.
        string shellCheckNote = "ShellCheck is switched off by the configuration (COPT2200).";
        if (!ShellCheckRunner.IsSwitchedOff(options))
        {
            options.ShellCheck = ShellCheckLocator.Locate(request.SearchPath, out shellCheckNote, out var shellCheckProblem);
            if (shellCheckProblem is { } broken)
            {
                problems.Add(DockerfileInput.FileProblem(DiagnosticCatalog.ShellCheckFailed, dockerfile, broken.Path, broken.Reason));
            }
        }
        key.Append("shellcheck ").Append(options.ShellCheck is { } tool ? tool.Path + " " + tool.Version : "none").Append('\n');
        var notes = new[] { shellCheckNote };
        string cacheKey = Hash(Encoding.UTF8.GetBytes(key.ToString()));
        if (problems.Any(p => p.Severity == DiagnosticSeverity.Error))
        {
            // A configuration that cannot be read leaves the user's intent unknown: report it, analyse nothing.
            return new LoadedRequest(dockerfile, context, configFiles, cacheKey, null, problems, notes);
        }
        var input = new AnalysisInput(source)
        {
            ContextDirectory = context,
            DockerIgnoreText = dockerIgnore,
            DockerIgnorePath = dockerIgnorePath ?? Path.Combine(context, ".dockerignore"),
            ContextFiles = contextFiles,
            ContextOrigin = origin,
            Project = request.Project,
            Options = options,
        };
        return new LoadedRequest(dockerfile, context, configFiles, cacheKey, input, problems, notes) { ContextFiles = contextFiles };
    }

    /// <summary>
    /// The build context of a Dockerfile: the one named, else for a Dockerfile generated for the project
    /// the folder its header names, else the Dockerfile's folder. The image build uses the same resolution.
    /// </summary>
    public static string ResolveContext(string? named, string dockerfile, string dockerfileText, string? projectPath) =>
        GeneratedDockerfileHeader.ResolveContext(named, dockerfile, dockerfileText, projectPath);

    /// <summary>What docker reads: <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile, else the context's <c>.dockerignore</c>.</summary>
    public static (string? Path, string? Text) ReadDockerIgnore(string dockerfile, string context)
    {
        foreach (var candidate in new[] { dockerfile + ".dockerignore", Path.Combine(context, ".dockerignore") })
        {
            try
            {
                if (File.Exists(candidate))
                {
                    return (candidate, File.ReadAllText(candidate));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (candidate, null);
            }
        }
        return (null, null);
    }

    /// <summary>Reads a Dockerfile, or returns the COPT0xxx finding that explains why not (missing, too large, unreadable, binary).</summary>
    public static Dockerfile.Text.SourceText? ReadDockerfile(string path, out byte[]? bytes, out Core.Diagnostics.Finding? problem)
    {
        bytes = null;
        problem = null;
        try
        {
            if (!File.Exists(path))
            {
                problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileNotFound, path, path);
                return null;
            }
            var info = new FileInfo(path);
            if (info.Length > DockerfileInput.MaxBytes)
            {
                problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileTooLarge, path, path, info.Length, DockerfileInput.MaxBytes);
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileUnreadable, path, path, e.Message);
            return null;
        }
        return DockerfileInput.Decode(bytes, path, out problem);
    }

    private static void AppendProject(StringBuilder key, ProjectModel? p)
    {
        if (p is null)
        {
            key.Append("no-project\n");
            return;
        }
        key.Append(p.ProjectPath).Append('|').Append(string.Join(";", p.TargetFrameworks)).Append('|').Append(p.PublishFramework).Append('|').Append(p.OutputType)
            .Append('|').Append(p.AssemblyName).Append('|').Append(p.TargetName).Append('|').Append(p.Kind)
            .Append('|').Append(string.Join(";", p.FrameworkReferences)).Append('|').Append(p.SelfContained).Append(p.PublishAot)
            .Append(p.PublishTrimmed).Append(p.PublishSingleFile).Append(p.InvariantGlobalization).Append(p.ManagePackageVersionsCentrally)
            .Append('|').Append(p.RuntimeIdentifier).Append('|').Append(string.Join(";", p.RuntimeIdentifiers)).Append('|').Append(p.RollForward).Append('|').Append(string.Join(";", p.ProjectReferences))
            .Append('|').Append(string.Join(";", p.ContainerPorts)).Append('|').Append(string.Join(";", p.ContainerEnvironment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)))
            .Append('|').Append(p.ContainerUser).Append('|').Append(p.ContainerBaseImage).Append('|').Append(p.ContainerFamily)
            .Append('|').Append(p.ContainerWorkingDirectory).Append('|').Append(p.ContainerRepository).Append('|').Append(p.ContainerImageTag).Append('\n');
        foreach (var input in p.RestoreInputs)
        {
            // Restore inputs matter by existence and path only (rules compare them with COPY sources).
            key.Append(input).Append('\n');
        }
        foreach (var feed in p.LocalPackageSources)
        {
            key.Append("feed ").Append(feed).Append('\n');
        }
        key.Append("sdk ").Append(p.SdkPin?.ToString() ?? "-").Append(' ').Append(p.SdkPin?.Path ?? "").Append('\n');
    }

    private static string TryHashFile(string file)
    {
        try
        {
            return File.Exists(file) ? Hash(File.ReadAllBytes(file)) : "missing";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    private static string Hash(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(bytes)).Replace("-", "");
    }
}

/// <summary>The inputs of one analysis, resolved; or the problems that stop it.</summary>
public sealed class LoadedRequest
{
    internal LoadedRequest(string dockerfile, string? context, IReadOnlyList<string> configFiles, string cacheKey, AnalysisInput? input,
        IReadOnlyList<Core.Diagnostics.Finding> problems, IReadOnlyList<string>? notes = null)
    {
        Notes = notes ?? Array.Empty<string>();
        Dockerfile = dockerfile;
        ContextDirectory = context;
        ConfigFiles = configFiles;
        CacheKey = cacheKey;
        Input = input;
        Problems = problems;
    }

    /// <summary>The Dockerfile's full path.</summary>
    public string Dockerfile { get; }

    /// <summary>The build context resolved, or null when loading stopped before it.</summary>
    public string? ContextDirectory { get; }

    /// <summary>The configuration files read, in the order they apply.</summary>
    public IReadOnlyList<string> ConfigFiles { get; }

    /// <summary>A hash of every input: the Dockerfile, context, .dockerignore, project model, configuration and this build of ContainerOpt.</summary>
    public string CacheKey { get; }

    /// <summary>What to analyse, or null when a problem stops the analysis.</summary>
    public AnalysisInput? Input { get; }

    /// <summary>What a verbose log may say about how the analysis runs (which ShellCheck checks the RUN scripts, or that none was found).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The context as the analysis asked it: its probes must still hold for cached findings to stand.</summary>
    public DiskContextFiles? ContextFiles { get; internal set; }

    /// <summary>COPT0xxx problems: of the file, the context or the configuration (error severity ones stop the analysis).</summary>
    public IReadOnlyList<Core.Diagnostics.Finding> Problems { get; }

    internal static LoadedRequest Failed(string dockerfile, string key, Core.Diagnostics.Finding problem) =>
        new(dockerfile, null, Array.Empty<string>(), key, null, new[] { problem });
}
