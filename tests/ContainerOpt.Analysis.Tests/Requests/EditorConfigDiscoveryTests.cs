using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.Requests;

/// <summary>
/// The .editorconfig and .globalconfig files of a Dockerfile are found on disk as the .NET SDK finds them for a project:
/// .editorconfig upward to the first root one, .globalconfig in the Dockerfile's and the project's folders and above, and
/// the files the project lists; they are inputs of the cache key, and their problems are findings in their own files.
/// </summary>
[TestClass]
public sealed class EditorConfigDiscoveryTests
{
    /// <summary>COPT1100 (StageNameCasing) warns at 1; COPT1107 (MaintainerDeprecated, DL4000, a style check) is a suggestion at 2.</summary>
    private const string Text = "FROM alpine:3.20 AS Build\nMAINTAINER me\n";

    private string _dir = "";

    [TestInitialize]
    public void Create()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-editorconfig-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_dir, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static LoadedRequest Load(string dockerfile, ProjectModel? project = null, AnalysisRunCache? cache = null) =>
        AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile) { Project = project, RunCache = cache, SearchPath = "" });

    private static string[] Findings(LoadedRequest loaded) =>
        loaded.Problems.Concat(new DockerfileAnalyzer().Analyze(loaded.Input!).Findings)
            .Select(f => $"{Path.GetFileName(f.FilePath)}({f.Location.Start.Line},{f.Location.Start.Column}): {f.Severity.ToText()} {f.Code}").ToArray();

    [TestMethod]
    public void The_search_upward_stops_at_a_root_editorconfig_and_the_closer_file_wins()
    {
        Write(".editorconfig", "[*]\ndotnet_diagnostic.COPT1107.severity = none\n");
        Write("repo/.editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.COPT1100.severity = error\ndotnet_diagnostic.COPT1107.severity = suggestion\n");
        Write("repo/src/.editorconfig", "[Api/**]\ndotnet_diagnostic.StageNameCasing.severity = none\n");
        string api = Write("repo/src/Api/Dockerfile", Text);
        string worker = Write("repo/src/Worker/Dockerfile", Text);

        var apiLoaded = Load(api);
        Lines.Same(new[] { "Dockerfile(2,1): info COPT1107" }, Findings(apiLoaded));
        Lines.Same(new[] { "Dockerfile(1,21): error COPT1100", "Dockerfile(2,1): info COPT1107" }, Findings(Load(worker)));
        // The file above the root one is not read at all.
        Lines.Same(new[] { Path.Combine(_dir, "repo", ".editorconfig"), Path.Combine(_dir, "repo", "src", ".editorconfig") },
            apiLoaded.ConfigFiles);
    }

    [TestMethod]
    public void Global_files_apply_from_the_dockerfiles_folders_the_projects_folders_and_the_projects_list()
    {
        Write(".editorconfig", "root = true\n");
        Write(".globalconfig", "dotnet_diagnostic.COPT1100.severity = error\n");
        Write("src/App/.globalconfig", "global_level = 101\ndotnet_diagnostic.COPT1107.severity = error\n");
        string company = Write("build/company.globalconfig", "is_global = true\ndotnet_diagnostic.DL4000.severity = none\ndotnet_diagnostic.StageNameCasing.severity = suggestion\n");
        // Not above the Dockerfile: an .editorconfig the project lists for its sources does not apply to it.
        string sources = Write("src/App/Controllers/.editorconfig", "[*]\ndotnet_diagnostic.COPT1100.severity = none\n");
        string dockerfile = Write("docker/Dockerfile", Text);
        var project = new ProjectModel { ProjectPath = Path.Combine(_dir, "src", "App", "App.csproj") };

        Lines.Same(new[] { "Dockerfile(1,21): error COPT1100", "Dockerfile(2,1): style COPT1107" }, Findings(Load(dockerfile)));
        Lines.Same(new[] { "Dockerfile(1,21): error COPT1100", "Dockerfile(2,1): error COPT1107" }, Findings(Load(dockerfile, project)));

        project.AnalyzerConfigFiles = new[] { company, sources, Path.Combine(_dir, "missing.globalconfig") };
        var loaded = Load(dockerfile, project);
        // The package's file is at level 0: of two names of one rule, the entry of the higher level (100, 101) applies last and wins.
        Lines.Same(new[] { "Dockerfile(1,21): error COPT1100", "Dockerfile(2,1): error COPT1107" }, Findings(loaded));
        Lines.Same(new[]
        {
            Path.Combine(_dir, ".editorconfig"), Path.Combine(_dir, ".globalconfig"), company, Path.Combine(_dir, "src", "App", ".globalconfig"), sources,
        }.OrderBy(p => p, StringComparer.Ordinal), loaded.ConfigFiles);
    }

    [TestMethod]
    public void The_problems_of_the_files_that_apply_are_warnings_in_those_files_and_the_analysis_goes_on()
    {
        string editorConfig = Write(".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.COPT1100.severity = eror\noops\n");
        Write("a.globalconfig", "is_global = true\ndotnet_diagnostic.COPT1107.severity = error\n");
        Write("other/.editorconfig", "garbage\n");
        string dockerfile = Write("Dockerfile", Text);
        var project = new ProjectModel { ProjectPath = Path.Combine(_dir, "App.csproj") };
        project.AnalyzerConfigFiles = new[] { Path.Combine(_dir, "a.globalconfig"), Path.Combine(_dir, "other", ".editorconfig") };

        var loaded = Load(dockerfile, project);

        Lines.Same(new[]
        {
            ".editorconfig(3,39): warning COPT0018",
            ".editorconfig(4,1): warning COPT0018",
            "Dockerfile(1,21): warning COPT1100",
            "Dockerfile(2,1): error COPT1107",
        }, Findings(loaded));
        Assert.AreEqual(editorConfig, loaded.Problems[0].FilePath);
    }

    [TestMethod]
    public void An_edit_to_a_file_that_applies_and_a_new_file_change_the_cache_key_and_nothing_else_does()
    {
        Write(".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.COPT1100.severity = error\n");
        string dockerfile = Write("src/Dockerfile", Text);
        string first = Load(dockerfile).CacheKey;
        Assert.AreEqual(first, Load(dockerfile).CacheKey, "nothing changed");

        Write(".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.COPT1100.severity = none\n");
        string edited = Load(dockerfile).CacheKey;
        Assert.AreNotEqual(first, edited, "an edited .editorconfig");

        Write("src/.editorconfig", "[*.cs]\nindent_size = 4\n");
        string added = Load(dockerfile).CacheKey;
        Assert.AreNotEqual(edited, added, "a new .editorconfig on the way up");

        Write(".globalconfig", "dotnet_analyzer_diagnostic.severity = error\n");
        Assert.AreNotEqual(added, Load(dockerfile).CacheKey, "a new .globalconfig");
    }

    [TestMethod]
    public void A_runs_cache_reads_each_file_once_and_gives_what_a_lone_load_gives()
    {
        Write(".editorconfig", "root = true\n[**/Api/Dockerfile]\ndotnet_diagnostic.COPT1100.severity = error\n[**/Worker/Dockerfile]\ndotnet_diagnostic.DL4000.severity = none\n");
        string api = Write("src/Api/Dockerfile", Text);
        string worker = Write("src/Worker/Dockerfile", Text);
        var cache = new AnalysisRunCache();
        foreach (var dockerfile in new[] { api, worker })
        {
            var alone = Load(dockerfile);
            var shared = Load(dockerfile, cache: cache);
            Lines.Same(Findings(alone), Findings(shared), dockerfile);
            Assert.AreEqual(alone.CacheKey, shared.CacheKey);
        }
        Lines.Same(new[] { "Dockerfile(1,21): error COPT1100", "Dockerfile(2,1): style COPT1107" }, Findings(Load(api, cache: cache)));
        Lines.Same(new[] { "Dockerfile(1,21): warning COPT1100" }, Findings(Load(worker, cache: cache)));
    }

    [TestMethod]
    public void Through_a_runs_cache_sibling_folders_keep_their_own_files_and_share_those_above()
    {
        // a's .editorconfig is a root one (the file above does not apply); b's is not, so the one above applies to b and
        // to b/c under it; the .globalconfig above both applies to all three.
        string top = Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.COPT1100.severity = suggestion\n");
        string global = Write(".globalconfig", "dotnet_diagnostic.COPT1107.severity = error\n");
        string aOwn = Write("repo/a/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.COPT1100.severity = error\n");
        string bOwn = Write("repo/b/.editorconfig", "[*]\ndotnet_diagnostic.COPT1107.severity = none\n");
        string a = Write("repo/a/Dockerfile", Text);
        string b = Write("repo/b/Dockerfile", Text);
        string c = Write("repo/b/c/Dockerfile", Text);
        var expected = new (string Dockerfile, string[] Findings, string[] Files)[]
        {
            (c, new[] { "Dockerfile(1,21): info COPT1100" }, new[] { top, global, bOwn }),
            (a, new[] { "Dockerfile(1,21): error COPT1100", "Dockerfile(2,1): error COPT1107" }, new[] { global, aOwn }),
            (b, new[] { "Dockerfile(1,21): info COPT1100" }, new[] { top, global, bOwn }),
        };
        foreach (var order in new[] { expected, expected.Reverse().ToArray() })
        {
            var cache = new AnalysisRunCache();
            foreach (var (dockerfile, findings, files) in order)
            {
                var alone = Load(dockerfile);
                var shared = Load(dockerfile, cache: cache);
                Lines.Same(findings, Findings(alone), dockerfile);
                Lines.Same(findings, Findings(shared), dockerfile + ", through the run's cache");
                Lines.Same(files.OrderBy(f => f, StringComparer.Ordinal), shared.ConfigFiles, dockerfile);
                Assert.AreEqual(alone.CacheKey, shared.CacheKey, dockerfile);
            }
        }
    }

    [TestMethod]
    public void Through_a_runs_cache_a_project_finds_the_files_a_lone_load_finds()
    {
        Write(".editorconfig", "root = true\n");
        Write(".globalconfig", "dotnet_diagnostic.COPT1100.severity = error\n");
        Write("src/App/.globalconfig", "global_level = 101\ndotnet_diagnostic.COPT1107.severity = error\n");
        string listed = Write("build/listed.globalconfig", "is_global = true\ndotnet_diagnostic.DL4000.severity = none\n");
        string dockerfile = Write("src/App/docker/Dockerfile", Text);
        var project = new ProjectModel { ProjectPath = Path.Combine(_dir, "src", "App", "App.csproj") };
        // The project's folder is above the Dockerfile's, and the listed file is named twice: each file is read once.
        project.AnalyzerConfigFiles = new[] { listed, Path.Combine(_dir, "src", "App", ".globalconfig"), listed };
        var cache = new AnalysisRunCache();
        for (int round = 0; round < 2; round++)
        {
            var alone = Load(dockerfile, project);
            var shared = Load(dockerfile, project, cache);
            // The project's own file (level 101) wins over the listed one (level 0) for COPT1107 (DL4000).
            Lines.Same(new[] { "Dockerfile(1,21): error COPT1100", "Dockerfile(2,1): error COPT1107" }, Findings(shared), $"round {round}");
            Lines.Same(Findings(alone), Findings(shared), $"round {round}");
            Lines.Same(alone.ConfigFiles, shared.ConfigFiles, $"round {round}");
            Assert.AreEqual(4, shared.ConfigFiles.Count, string.Join(", ", shared.ConfigFiles));
            Assert.AreEqual(alone.CacheKey, shared.CacheKey, $"round {round}");
        }
    }

    [TestMethod]
    public void A_ShellCheck_findings_SC_code_names_it()
    {
        ShellCheckInstalled.Require();
        Write(".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.SC2157.severity = error\ndotnet_diagnostic.SC3010.severity = none\n");
        string dockerfile = Write("Dockerfile", "FROM alpine:3.20\nRUN [[ -n lit ]]\n");

        var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile));

        Lines.Same(new[] { "Dockerfile(2,11): error COPT2200" }, Findings(loaded));
    }
}
