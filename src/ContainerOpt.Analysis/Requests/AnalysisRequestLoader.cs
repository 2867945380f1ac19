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
        var cache = request.RunCache ?? AnalysisRunCache.None;
        string dockerfile = cache.FullPath(request.Dockerfile);
        // The cache key is built only when asked (the MSBuild task asks, the CLI does not): hashing the inputs, and
        // loading the crypto library to do it, is no cost of a lint.
        var key = new KeyParts(dockerfile);

        Core.Diagnostics.Finding? readProblem;
        Dockerfile.Text.SourceText? source;
        if (request.Content is { } content)
        {
            source = DockerfileInput.Decode(content, dockerfile, out readProblem);
            key.Bytes = content;
        }
        else
        {
            source = ReadDockerfile(dockerfile, cache, key, out readProblem);
        }
        if (source is null)
        {
            return LoadedRequest.Failed(dockerfile, key.UpToDockerfile, readProblem!);
        }

        // The Dockerfile's folder, cut once: the context (mostly), the configuration search and the .editorconfig search start there.
        string dockerfileFolder = Path.GetDirectoryName(dockerfile)!;
        // Neither a context nor a project named (the CLI's lint): ResolveContext's answer is the Dockerfile's folder, cut
        // from the path that is already full, where ResolveContext would walk it through GetFullPath again.
        string context = string.IsNullOrWhiteSpace(request.Context) && string.IsNullOrWhiteSpace(request.Project?.ProjectPath)
            ? dockerfileFolder
            : ResolveContext(request.Context, dockerfile, source.Text, request.Project?.ProjectPath);
        var origin = !string.IsNullOrWhiteSpace(request.Context)
            || (request.Project?.ProjectPath is { Length: > 0 } projectPath && GeneratedDockerfileHeader.TryGetContext(source.Text, Path.GetFullPath(projectPath), out _))
            ? ContextOrigin.Stated : ContextOrigin.Assumed;
        key.Origin = origin;
        var contextFiles = new DiskContextFiles(context, cache);
        if (!cache.DirectoryExists(context))
        {
            return LoadedRequest.Failed(dockerfile, key.UpToContext, DockerfileInput.FileProblem(DiagnosticCatalog.InvalidConfiguration, dockerfile,
                "build context", $"the folder '{context}' does not exist. Set ContainerOptContext (CLI: --context) to the folder docker build runs in."));
        }
        var (dockerIgnorePath, dockerIgnore) = ReadDockerIgnore(dockerfile, dockerfileFolder, context, cache, out string sharedDockerIgnore);
        key.Context = context;
        key.DockerIgnorePath = dockerIgnorePath;
        key.DockerIgnore = dockerIgnore;
        key.Project = request.Project;

        // Configuration files are inputs too: their text goes into the key, their problems are findings.
        IReadOnlyList<string> configFiles;
        if (!string.IsNullOrWhiteSpace(request.ConfigFile))
        {
            string named = Path.GetFullPath(request.ConfigFile!.Trim());
            if (!cache.FileExists(named))
            {
                return LoadedRequest.Failed(dockerfile, key.UpToProject, DockerfileInput.FileProblem(DiagnosticCatalog.InvalidConfiguration, named,
                    named, "the file does not exist. Fix ContainerOptConfig (CLI: --config) or remove it."));
            }
            configFiles = new[] { named };
        }
        else
        {
            configFiles = ConfigurationFiles.Discover(dockerfileFolder, context, request.UserConfigFiles, cache);
        }
        key.ConfigFiles = configFiles;

        // The options of a set of configuration files are the same for every Dockerfile they apply to: a run reads them once.
        var configured = cache.Configure(configFiles, request.Mode, request.Overrides, request.SearchPath, Configure);
        var options = configured.Options;
        var problems = new List<Core.Diagnostics.Finding>(configured.Problems);
        if (configured.ShellCheckProblem is { } broken)
        {
            problems.Add(DockerfileInput.FileProblem(DiagnosticCatalog.ShellCheckFailed, dockerfile, broken.Path, broken.Reason));
        }
        key.Options = options;
        key.Overrides = request.Overrides;
        var notes = new[] { configured.ShellCheckNote };

        // .editorconfig and .globalconfig: found from the Dockerfile (and the project) as the .NET SDK finds them; their
        // settings are this Dockerfile's own, their text goes into the key, their problems (warnings) are findings.
        var editorConfig = EditorConfigFiles.Load(dockerfile, dockerfileFolder, request.Project?.ProjectDirectory, request.Project?.AnalyzerConfigFiles, cache);
        key.EditorConfigFiles = editorConfig.Files;
        key.WarningSwitches = editorConfig.Severities.With(request.WarningSwitches).Switches;
        problems.AddRange(editorConfig.Problems);
        if (editorConfig.Files.Count > 0)
        {
            configFiles = configFiles.Concat(editorConfig.Files).ToArray();
        }
        if (HasError(problems))
        {
            // A configuration that cannot be read leaves the user's intent unknown: report it, analyse nothing.
            return new LoadedRequest(dockerfile, context, configFiles, key.Full, null, problems, notes);
        }
        var input = new AnalysisInput(source)
        {
            ContextDirectory = context,
            DockerIgnoreText = dockerIgnore,
            DockerIgnorePath = dockerIgnorePath ?? sharedDockerIgnore,
            ContextFiles = contextFiles,
            ContextOrigin = origin,
            Project = request.Project,
            Options = options,
            EditorConfig = editorConfig.Severities.With(request.WarningSwitches),
        };
        return new LoadedRequest(dockerfile, context, configFiles, key.Full, input, problems, notes) { ContextFiles = contextFiles };
    }

    private static bool HasError(List<Core.Diagnostics.Finding> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The options of <paramref name="configFiles"/> with the caller's mode, and the ShellCheck that checks the RUN scripts.</summary>
    private static AnalysisRunCache.Configured Configure(IReadOnlyList<string> configFiles, Core.Diagnostics.AnalysisMode? mode, ConfigurationOverrides? overrides,
        string? searchPath, AnalysisRunCache cache)
    {
        var options = new AnalysisOptions();
        var problems = ConfigurationFiles.Load(configFiles, options);
        overrides?.ApplyTo(options);
        if (mode is { } named)
        {
            options.Mode = named;
        }

        // ShellCheck, when on PATH, checks the RUN scripts: another ShellCheck gives other findings, so it is an input too.
        string note = "ShellCheck is switched off by the configuration (COPT2200).";
        (string Path, string Reason)? problem = null;
        if (!ShellCheckRunner.IsSwitchedOff(options))
        {
            var located = cache.LocateShellCheck(searchPath);
            options.ShellCheck = located.Tool;
            note = located.Note;
            problem = located.Problem;
        }
        return new AnalysisRunCache.Configured(options, problems, note, problem);
    }

    /// <summary>
    /// The inputs of the cache key, gathered as loading goes and hashed only when the key is asked. A load that stops
    /// early keys on what it had read by then (unhashed, as the findings it caches are only the problem).
    /// </summary>
    private sealed class KeyParts
    {
        private readonly string _dockerfile;

        public KeyParts(string dockerfile) => _dockerfile = dockerfile;

        /// <summary>The Dockerfile's bytes, or null when they are <see cref="Text"/> encoded again (see <see cref="DockerfileBytes"/>).</summary>
        public byte[]? Bytes { get; set; }

        /// <summary>The Dockerfile's text, when it was read from a buffer that the next file's bytes overwrite.</summary>
        public Dockerfile.Text.SourceText? Text { get; set; }

        /// <summary>True when the file started with a UTF-8 byte order mark (not in <see cref="Text"/>).</summary>
        public bool HadByteOrderMark { get; set; }

        // A file whose bytes were valid UTF-8 is its text encoded again (the decoding loses nothing): the key rebuilds the
        // bytes only when asked, and a lint, which asks for no key, keeps no copy of them.
        private byte[] DockerfileBytes()
        {
            if (Bytes is { } bytes)
            {
                return bytes;
            }
            string text = Text!.Text;
            int bom = HadByteOrderMark ? 3 : 0;
            var encoded = new byte[bom + Encoding.UTF8.GetByteCount(text)];
            if (HadByteOrderMark)
            {
                encoded[0] = 0xEF;
                encoded[1] = 0xBB;
                encoded[2] = 0xBF;
            }
            Encoding.UTF8.GetBytes(text, 0, text.Length, encoded, bom);
            return encoded;
        }
        public ContextOrigin Origin { get; set; }
        public string Context { get; set; } = "";
        public string? DockerIgnorePath { get; set; }
        public string? DockerIgnore { get; set; }
        public ProjectModel? Project { get; set; }
        public IReadOnlyList<string> EditorConfigFiles { get; set; } = Array.Empty<string>();
        public WarningSwitches WarningSwitches { get; set; } = WarningSwitches.None;
        public IReadOnlyList<string> ConfigFiles { get; set; } = Array.Empty<string>();
        public AnalysisOptions? Options { get; set; }
        public ConfigurationOverrides? Overrides { get; set; }

        private StringBuilder Prefix()
        {
            var key = new StringBuilder(KeyVersion).Append('\n');
            key.Append(typeof(AnalysisRequestLoader).Assembly.ManifestModule.ModuleVersionId).Append('\n');
            key.Append(typeof(Core.Diagnostics.Finding).Assembly.ManifestModule.ModuleVersionId).Append('\n');
            return key;
        }

        public string UpToDockerfile() => Prefix().Append(_dockerfile).ToString();

        private StringBuilder WithContext() =>
            Prefix().Append(_dockerfile).Append('\n').Append(Hash(DockerfileBytes())).Append('\n').Append("context ").Append(Origin).Append('\n');

        public string UpToContext() => WithContext().ToString();

        private StringBuilder WithProject()
        {
            var key = WithContext();
            key.Append(Context).Append('\n').Append(DockerIgnorePath ?? "-").Append('\n')
                .Append(DockerIgnore is null ? "-" : Hash(Encoding.UTF8.GetBytes(DockerIgnore))).Append('\n');
            AppendProject(key, Project);
            return key;
        }

        public string UpToProject() => WithProject().ToString();

        public string Full()
        {
            var key = WithProject();
            foreach (var file in ConfigFiles)
            {
                key.Append(file).Append('\n').Append(TryHashFile(file)).Append('\n');
            }
            foreach (var file in EditorConfigFiles)
            {
                key.Append("editorconfig ").Append(file).Append('\n').Append(TryHashFile(file)).Append('\n');
            }
            if (!WarningSwitches.IsEmpty)
            {
                // Only while the files set severities: otherwise the switches act after the analysis, and a cached analysis stands.
                key.Append("warning switches ").Append(WarningSwitches.Describe()).Append('\n');
            }
            key.Append("mode ").Append(Options!.EffectiveMode.ToText()).Append('\n');
            key.Append("overrides ").Append(Overrides?.Describe() ?? "-").Append('\n');
            key.Append("shellcheck ").Append(Options.ShellCheck is { } tool ? tool.Path + " " + tool.Version : "none").Append('\n');
            return Hash(Encoding.UTF8.GetBytes(key.ToString()));
        }
    }

    /// <summary>
    /// The build context of a Dockerfile: the one named, else for a Dockerfile generated for the project
    /// the folder its header names, else the Dockerfile's folder. The image build uses the same resolution.
    /// </summary>
    public static string ResolveContext(string? named, string dockerfile, string dockerfileText, string? projectPath) =>
        GeneratedDockerfileHeader.ResolveContext(named, dockerfile, dockerfileText, projectPath);

    /// <summary>What docker reads: <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile, else the context's <c>.dockerignore</c>.</summary>
    public static (string? Path, string? Text) ReadDockerIgnore(string dockerfile, string context) => ReadDockerIgnore(dockerfile, context, AnalysisRunCache.None);

    /// <summary>As <see cref="ReadDockerIgnore(string, string)"/>; a run's cache answers the lookups and reads a context's file once.</summary>
    public static (string? Path, string? Text) ReadDockerIgnore(string dockerfile, string context, AnalysisRunCache cache) =>
        ReadDockerIgnore(dockerfile, Path.GetDirectoryName(dockerfile) ?? "", context, cache, out _);

    /// <summary>As the public ReadDockerIgnore, and the context's .dockerignore path, read or not (the loader names it when none was read).</summary>
    private static (string? Path, string? Text) ReadDockerIgnore(string dockerfile, string dockerfileFolder, string context, AnalysisRunCache cache, out string shared)
    {
        shared = Path.Combine(context, DockerIgnoreName);
        // The Dockerfile's own file first, then the context's (read once per run): two tries, no array of candidates. Each
        // is asked of its folder by name, so the folder's path is not cut again from the file's; the own file's path is
        // made only when it exists (most Dockerfiles have none).
        if (cache.FileExists(dockerfileFolder, Path.GetFileName(dockerfile) + DockerIgnoreName))
        {
            return TryReadDockerIgnore(dockerfile + DockerIgnoreName, isShared: false, cache);
        }
        return cache.FileExists(context, DockerIgnoreName) ? TryReadDockerIgnore(shared, isShared: true, cache) : (null, null);
    }

    private const string DockerIgnoreName = ".dockerignore";

    /// <summary>The path and text of a file that exists (text null when it cannot be read); the context's is read once per run.</summary>
    private static (string? Path, string? Text) TryReadDockerIgnore(string path, bool isShared, AnalysisRunCache cache)
    {
        try
        {
            return (path, isShared ? cache.ReadText(path) : File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (path, null);
        }
    }

    /// <summary>Reads a Dockerfile, or returns the COPT0xxx finding that explains why not (missing, too large, unreadable, binary).</summary>
    public static Dockerfile.Text.SourceText? ReadDockerfile(string path, out byte[]? bytes, out Core.Diagnostics.Finding? problem) =>
        ReadDockerfile(path, AnalysisRunCache.None, out bytes, out problem);

    /// <summary>As <see cref="ReadDockerfile(string, out byte[], out Core.Diagnostics.Finding)"/>; a run's cache answers whether the file exists.</summary>
    public static Dockerfile.Text.SourceText? ReadDockerfile(string path, AnalysisRunCache cache, out byte[]? bytes, out Core.Diagnostics.Finding? problem)
    {
        bytes = null;
        if (!Read(path, cache, out var buffer, out int count, out problem))
        {
            return null;
        }
        bytes = ReferenceEquals(buffer, t_readBuffer) ? Copy(buffer, count) : buffer;
        return DockerfileInput.Decode(buffer, count, path, out problem);
    }

    /// <summary>As the public ReadDockerfile, the bytes kept for the cache key in <paramref name="key"/> (a copy only when not valid UTF-8).</summary>
    private static Dockerfile.Text.SourceText? ReadDockerfile(string path, AnalysisRunCache cache, KeyParts key, out Core.Diagnostics.Finding? problem)
    {
        if (!Read(path, cache, out var buffer, out int count, out problem))
        {
            return null;
        }
        var source = DockerfileInput.Decode(buffer, count, path, out bool validUtf8, out problem);
        if (source is not null)
        {
            key.Text = source;
            key.HadByteOrderMark = Dockerfile.Text.SourceText.StartsWithByteOrderMark(buffer, count);
            key.Bytes = validUtf8 ? null : ReferenceEquals(buffer, t_readBuffer) ? Copy(buffer, count) : buffer;
        }
        return source;
    }

    private static byte[] Copy(byte[] buffer, int count)
    {
        var copy = new byte[count];
        Buffer.BlockCopy(buffer, 0, copy, 0, count);
        return copy;
    }

    /// <summary>
    /// Reads a Dockerfile's bytes into <paramref name="buffer"/>[0, <paramref name="count"/>): the thread's read buffer
    /// (reused for the next file: a new array per file was a twenty-fifth of every byte a lint of many files allocates)
    /// or, for a large file or one of unknown size, an array of its own.
    /// </summary>
    private static bool Read(string path, AnalysisRunCache cache, out byte[] buffer, out int count, out Core.Diagnostics.Finding? problem)
    {
        buffer = Array.Empty<byte>();
        count = 0;
        problem = null;
        try
        {
            // A file its folder's listing shows is opened at once (only a dangling link then needs the stat that tells it
            // is missing); otherwise the stat first, as File.Exists answers. One open gives the size and the bytes.
            bool? listed = cache.ListedAsFile(path);
            if (listed == false || listed is null && !File.Exists(path))
            {
                problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileNotFound, path, path);
                return false;
            }
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && listed == true && !File.Exists(path))
            {
                problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileNotFound, path, path);
                return false;
            }
            using var opened = stream;
            long length = stream.CanSeek ? stream.Length : 0;
            if (length > DockerfileInput.MaxBytes)
            {
                problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileTooLarge, path, path, length, DockerfileInput.MaxBytes);
                return false;
            }
            buffer = ReadAll(stream, (int)length);
            count = length > 0 ? (int)length : buffer.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileUnreadable, path, path, e.Message);
            return false;
        }
        return true;
    }

    [ThreadStatic]
    private static byte[]? t_readBuffer;

    /// <summary>Files larger than this (bytes) are read into an array of their own, not kept for the thread's next file.</summary>
    private const int MaxKeptReadBuffer = 256 * 1024;

    /// <summary>
    /// What File.ReadAllBytes gives: the <paramref name="length"/> bytes the file's size promised (a file that shrinks
    /// meanwhile cannot be read) at the start of the array returned, or, when its size says nothing (0: a pipe, a file of
    /// /proc), every byte to its end in an array of exactly that length.
    /// </summary>
    private static byte[] ReadAll(Stream stream, int length)
    {
        if (length > 0)
        {
            var bytes = length > MaxKeptReadBuffer ? new byte[length]
                : t_readBuffer is { } kept && kept.Length >= length ? kept
                : t_readBuffer = new byte[Math.Max(length, 4096)];
            for (int read = 0; read < length;)
            {
                int n = stream.Read(bytes, read, length - read);
                if (n == 0)
                {
                    throw new EndOfStreamException("Unable to read beyond the end of the stream.");
                }
                read += n;
            }
            return bytes;
        }
        using var all = new MemoryStream();
        stream.CopyTo(all);
        return all.ToArray();
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
    // Made on first ask (a lint never asks): askers racing make the same key and one is kept, so a file needs no Lazy
    // and no lock object for it.
    private readonly Func<string> _makeCacheKey;
    private string? _cacheKey;

    internal LoadedRequest(string dockerfile, string? context, IReadOnlyList<string> configFiles, Func<string> cacheKey, AnalysisInput? input,
        IReadOnlyList<Core.Diagnostics.Finding> problems, IReadOnlyList<string>? notes = null)
    {
        _makeCacheKey = cacheKey;
        Notes = notes ?? Array.Empty<string>();
        Dockerfile = dockerfile;
        ContextDirectory = context;
        ConfigFiles = configFiles;
        Input = input;
        Problems = problems;
    }

    /// <summary>The Dockerfile's full path.</summary>
    public string Dockerfile { get; }

    /// <summary>The build context resolved, or null when loading stopped before it.</summary>
    public string? ContextDirectory { get; }

    /// <summary>The configuration files read: .hadolint.yaml and containeropt.yaml in the order they apply, then every .editorconfig and .globalconfig file read.</summary>
    public IReadOnlyList<string> ConfigFiles { get; }

    /// <summary>A hash of every input: the Dockerfile, context, .dockerignore, project model, configuration and this build of ContainerOpt.</summary>
    public string CacheKey
    {
        get
        {
            if (Volatile.Read(ref _cacheKey) is { } made)
            {
                return made;
            }
            Interlocked.CompareExchange(ref _cacheKey, _makeCacheKey(), null);
            return _cacheKey!;
        }
    }

    /// <summary>What to analyse, or null when a problem stops the analysis.</summary>
    public AnalysisInput? Input { get; }

    /// <summary>What a verbose log may say about how the analysis runs (which ShellCheck checks the RUN scripts, or that none was found).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The context as the analysis asked it: its probes must still hold for cached findings to stand.</summary>
    public DiskContextFiles? ContextFiles { get; internal set; }

    /// <summary>COPT0xxx problems: of the file, the context or the configuration (error severity ones stop the analysis).</summary>
    public IReadOnlyList<Core.Diagnostics.Finding> Problems { get; }

    internal static LoadedRequest Failed(string dockerfile, Func<string> key, Core.Diagnostics.Finding problem) =>
        new(dockerfile, null, Array.Empty<string>(), key, null, new[] { problem });
}
