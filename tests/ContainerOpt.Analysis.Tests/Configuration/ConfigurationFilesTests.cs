using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Requests;

namespace ContainerOpt.Analysis.Tests.Configuration;

/// <summary>
/// Where a Dockerfile's configuration comes from: the nearest file of each kind from its folder up to the repository
/// root (the context in between when it is not above), then hadolint's files in the user's folders, as hadolint lists them.
/// </summary>
[TestClass]
public sealed class ConfigurationFilesTests
{
    private string _root = "";

    [TestInitialize]
    public void Create() => _root = Path.Combine(Path.GetTempPath(), "containeropt-config-tests", Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Delete()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Write(string relative, string text = "")
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Folder(string relative)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(path);
        return path;
    }

    [TestMethod]
    public void The_nearest_file_of_each_kind_up_to_the_repository_root()
    {
        Folder("repo/.git");
        string api = Folder("repo/src/Api");
        string rootHadolint = Write("repo/.hadolint.yaml");
        CollectionAssert.AreEqual(new[] { rootHadolint }, ConfigurationFiles.Discover(api, null).ToList());

        string own = Write("repo/containeropt.json");
        string near = Write("repo/src/.hadolint.yml");
        CollectionAssert.AreEqual(new[] { near, own }, ConfigurationFiles.Discover(api, null).ToList());

        string nearest = Write("repo/src/Api/containeropt.yaml");
        CollectionAssert.AreEqual(new[] { near, nearest }, ConfigurationFiles.Discover(api, null).ToList());
    }

    [TestMethod]
    public void The_search_stops_at_the_folder_with_git_even_a_git_file()
    {
        Write(".hadolint.yaml");
        Write("containeropt.yaml");
        Write("repo/.git", "gitdir: ../.git/worktrees/repo\n");
        string src = Folder("repo/src");
        string repo = Path.Combine(_root, "repo");
        CollectionAssert.AreEqual(new[] { src, repo }, ConfigurationFiles.SearchedFolders(src, null, AnalysisRunCache.None).ToList());
        Assert.AreEqual(0, ConfigurationFiles.Discover(src, null).Count);
    }

    [TestMethod]
    public void Outside_a_repository_the_search_goes_up_to_the_file_systems_root()
    {
        string deep = Folder("a/b");
        var folders = ConfigurationFiles.SearchedFolders(deep, null, AnalysisRunCache.None);
        Assert.AreEqual(deep, folders[0]);
        Assert.AreEqual(Path.Combine(_root, "a"), folders[1]);
        Assert.AreEqual(Path.GetPathRoot(deep), folders[^1]);
        Assert.AreEqual(deep.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Length + 1, folders.Count);
    }

    [TestMethod]
    public void A_context_not_above_the_dockerfile_is_searched_right_after_its_folder()
    {
        Folder("repo/.git");
        string docker = Folder("repo/docker");
        string app = Folder("repo/app");
        string repo = Path.Combine(_root, "repo");
        CollectionAssert.AreEqual(new[] { docker, app, repo }, ConfigurationFiles.SearchedFolders(docker, app, AnalysisRunCache.None).ToList());
        CollectionAssert.AreEqual(new[] { docker, repo }, ConfigurationFiles.SearchedFolders(docker, repo + Path.DirectorySeparatorChar, AnalysisRunCache.None).ToList(),
            "a context above the Dockerfile is searched in its place");

        Write("repo/.hadolint.yaml");
        string inContext = Write("repo/app/.hadolint.yaml");
        CollectionAssert.AreEqual(new[] { inContext }, ConfigurationFiles.Discover(docker, app).ToList());
    }

    [TestMethod]
    public void The_users_files_in_hadolints_order()
    {
        var unix = ConfigurationFiles.UserConfigFiles(name => name switch { "HOME" => "/home/u", _ => null }, windows: false);
        CollectionAssert.AreEqual(new[]
        {
            "/home/u/.config/hadolint.yaml", "/home/u/.config/hadolint.yml",
            "/home/u/.hadolint/hadolint.yaml", "/home/u/.hadolint/hadolint.yml", "/home/u/.hadolint/config.yaml", "/home/u/.hadolint/config.yml",
            "/home/u/.hadolint.yaml", "/home/u/.hadolint.yml",
        }, unix.Select(p => p.Replace('\\', '/')).ToList());

        var xdg = ConfigurationFiles.UserConfigFiles(name => name switch { "HOME" => "/home/u", "XDG_CONFIG_HOME" => "/xdg", _ => null }, windows: false);
        Assert.AreEqual("/xdg/hadolint.yaml", xdg[0].Replace('\\', '/'));
        var relativeXdg = ConfigurationFiles.UserConfigFiles(name => name switch { "HOME" => "/home/u", "XDG_CONFIG_HOME" => "relative", _ => null }, windows: false);
        Assert.AreEqual("/home/u/.config/hadolint.yaml", relativeXdg[0].Replace('\\', '/'), "a relative XDG_CONFIG_HOME is ignored, as the XDG specification says");
        Assert.AreEqual(0, ConfigurationFiles.UserConfigFiles(_ => null, windows: false).Count);
    }

    [TestMethod]
    public void On_windows_the_users_files_are_under_appdata_and_the_profile()
    {
        if (!OperatingSystem.IsWindows())
        {
            // Path.IsPathRooted reads C:\ as rooted only on Windows.
            Assert.Inconclusive("Windows paths are rooted only on Windows");
        }
        var files = ConfigurationFiles.UserConfigFiles(name => name switch { "APPDATA" => @"C:\Users\u\AppData\Roaming", "USERPROFILE" => @"C:\Users\u", _ => null }, windows: true);
        Assert.AreEqual(@"C:\Users\u\AppData\Roaming\hadolint.yaml", files[0]);
        Assert.AreEqual(@"C:\Users\u\AppData\Roaming\hadolint\hadolint.yaml", files[2]);
        Assert.AreEqual(@"C:\Users\u\.hadolint.yaml", files[6]);
    }

    [TestMethod]
    public void The_first_user_file_that_exists_applies_only_when_no_folder_has_a_hadolint_file()
    {
        Folder("repo/.git");
        string api = Folder("repo/src/Api");
        string home = Folder("home");
        var user = ConfigurationFiles.UserConfigFiles(name => name == "HOME" ? home : null, windows: false);
        string own = Write("repo/containeropt.yaml");
        string config = Write("home/.hadolint/config.yaml", "ignored: [DL3008]\n");
        Write("home/.hadolint.yaml");
        CollectionAssert.AreEqual(new[] { config, own }, ConfigurationFiles.Discover(api, null, user, AnalysisRunCache.None).ToList());
        Assert.IsTrue(ConfigurationFiles.IsHadolintFile(config), "~/.hadolint/config.yaml is hadolint's format");

        string project = Write("repo/src/.hadolint.yaml");
        CollectionAssert.AreEqual(new[] { project, own }, ConfigurationFiles.Discover(api, null, user, AnalysisRunCache.None).ToList());
        CollectionAssert.AreEqual(new[] { project, own }, ConfigurationFiles.Discover(api, null).ToList(), "without the user's files (MSBuild)");
    }

    [TestMethod]
    public void A_run_lists_each_folder_once_however_many_dockerfiles_share_it()
    {
        // 4 Dockerfiles in each of 3 folders of a repository, a configuration at its root; then 40 in each.
        Folder("repo/.git");
        Write("repo/.hadolint.yaml", "ignored: [DL3008]\n");
        string repo = Path.Combine(_root, "repo");
        int Lint(int perFolder)
        {
            var files = new[] { "a", "b/c", "b/d" }
                .SelectMany(folder => Enumerable.Range(0, perFolder).Select(i => Write($"repo/{folder}/{i}.Dockerfile", "FROM alpine:3.20\n")))
                .ToList();
            var cache = new AnalysisRunCache();
            foreach (var file in files)
            {
                var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(file) { RunCache = cache, SearchPath = repo });
                CollectionAssert.AreEqual(new[] { Path.Combine(repo, ".hadolint.yaml") }, loaded.ConfigFiles.ToList(), file);
                Assert.IsNotNull(loaded.Input, file);
            }
            return cache.FoldersListed;
        }
        int few = Lint(4);
        // At most repo, a, b, b/c, b/d, each once: each Dockerfile's folder and those above it up to the repository root,
        // once asked about more than a few names (a folder asked about a name for each of its 40 Dockerfiles is listed,
        // one asked about its configuration files alone is not). The folders above the repository, asked only whether
        // they hold an .editorconfig or a .globalconfig (searched up to the file system's root unless one says
        // root = true), are answered by a stat each, not listed.
        Assert.IsTrue(few is > 0 and <= 5, $"{few} folders listed");
        int many = Lint(40);
        Assert.IsTrue(many >= few && many <= 5, $"{many} folders listed");
    }

    [TestMethod]
    public void A_runs_cache_remembers_each_folders_files_and_sibling_folders_keep_their_own_nearest_ones()
    {
        // api has its own hadolint file; worker and worker/jobs take the repository's; the containeropt.yaml above both
        // applies to all three; docker's context is app, which has its own hadolint file.
        Folder("repo/.git");
        string repo = Path.Combine(_root, "repo");
        string api = Folder("repo/src/api");
        string worker = Folder("repo/src/worker");
        string jobs = Folder("repo/src/worker/jobs");
        string docker = Folder("repo/docker");
        string app = Folder("repo/app");
        Write(".hadolint.yaml");
        string rootHadolint = Write("repo/.hadolint.yaml");
        string own = Write("repo/src/containeropt.yaml");
        string apiHadolint = Write("repo/src/api/.hadolint.yml");
        string appHadolint = Write("repo/app/.hadolint.yaml");
        var expected = new (string Folder, string? Context, string[] Files)[]
        {
            (jobs, null, new[] { rootHadolint, own }),
            (api, null, new[] { apiHadolint, own }),
            (worker, null, new[] { rootHadolint, own }),
            (api, api, new[] { apiHadolint, own }),
            (worker, repo, new[] { rootHadolint, own }),
            (docker, app, new[] { appHadolint }),
            (docker, null, new[] { rootHadolint }),
            (app, docker, new[] { appHadolint }),
            (jobs, api, new[] { apiHadolint, own }),
            (repo, null, new[] { rootHadolint }),
        };
        // In this order and backwards: a folder asked after its children, or before them, gets what a lone search gets.
        foreach (var order in new[] { expected, expected.Reverse().ToArray() })
        {
            var cache = new AnalysisRunCache();
            foreach (var (folder, context, files) in order)
            {
                string what = $"{folder} with context {context ?? "-"}";
                CollectionAssert.AreEqual(files, ConfigurationFiles.Discover(folder, context).ToList(), what + ", alone");
                CollectionAssert.AreEqual(files, ConfigurationFiles.Discover(folder, context, null, cache).ToList(), what + ", through the run's cache");
            }
        }
    }

    [TestMethod]
    public void A_runs_cache_asks_the_users_files_again_when_the_list_changes()
    {
        Folder("repo/.git");
        string api = Folder("repo/src/api");
        string home = Folder("home");
        string first = Write("home/.hadolint.yaml");
        string second = Write("home/.config/hadolint.yaml");
        var cache = new AnalysisRunCache();
        var user = new List<string> { first };
        CollectionAssert.AreEqual(new[] { first }, ConfigurationFiles.Discover(api, null, user, cache).ToList());
        CollectionAssert.AreEqual(new[] { first }, ConfigurationFiles.Discover(api, null, user, cache).ToList());
        user.Insert(0, second);
        CollectionAssert.AreEqual(new[] { second }, ConfigurationFiles.Discover(api, null, user, cache).ToList(), "the same list, changed");
        CollectionAssert.AreEqual(new[] { first }, ConfigurationFiles.Discover(api, null, new[] { Path.Combine(home, "missing.yaml"), first }, cache).ToList());
        Assert.AreEqual(0, ConfigurationFiles.Discover(api, null, null, cache).Count);
    }
}
