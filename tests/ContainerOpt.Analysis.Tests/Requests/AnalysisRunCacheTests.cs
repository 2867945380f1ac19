using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;

namespace ContainerOpt.Analysis.Tests.Requests;

/// <summary>
/// A run's cache answers from folder listings what File.Exists and Directory.Exists answer, and a request loaded
/// through it is the request loaded alone: the same problems, notes, configuration, cache key and findings.
/// </summary>
[TestClass]
public sealed class AnalysisRunCacheTests
{
    private string _dir = "";

    [TestInitialize]
    public void Create()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-runcache-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "src", "Api"));
        File.WriteAllText(Path.Combine(_dir, "src", "Api", "Api.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(_dir, "file.txt"), "x");
        File.WriteAllText(Path.Combine(_dir, ".dockerignore"), "obj\n");
        File.WriteAllText(Path.Combine(_dir, "Readme.MD"), "x");
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(_dir, "dangling"), Path.Combine(_dir, "no-such-target"));
            File.CreateSymbolicLink(Path.Combine(_dir, "to-file"), Path.Combine(_dir, "file.txt"));
            Directory.CreateSymbolicLink(Path.Combine(_dir, "to-dir"), Path.Combine(_dir, "src"));
        }
    }

    [TestCleanup]
    public void Delete()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [TestMethod]
    public void Every_answer_is_the_disks()
    {
        var cache = new AnalysisRunCache();
        string sep = Path.DirectorySeparatorChar.ToString();
        var paths = new[]
        {
            _dir, Path.Combine(_dir, "src"), Path.Combine(_dir, "src", "Api"), Path.Combine(_dir, "src", "Api", "Api.csproj"),
            Path.Combine(_dir, "file.txt"), Path.Combine(_dir, ".dockerignore"), Path.Combine(_dir, "missing"),
            Path.Combine(_dir, "missing", "deeper", "file"), Path.Combine(_dir, "file.txt", "child"),
            Path.Combine(_dir, "readme.md"), Path.Combine(_dir, "README.MD"), Path.Combine(_dir, "Readme.MD"),
            Path.Combine(_dir, "SRC"), Path.Combine(_dir, "src") + sep, Path.Combine(_dir, "file.txt") + sep,
            Path.Combine(_dir, "src", "..", "file.txt"), Path.Combine(_dir, "src", ".", "Api"), _dir + sep + sep + "file.txt",
            Path.Combine(_dir, "dangling"), Path.Combine(_dir, "to-file"), Path.Combine(_dir, "to-dir"), Path.Combine(_dir, "to-dir", "Api", "Api.csproj"),
            Path.Combine(_dir, "to-dir", "missing"), Path.Combine(_dir, "caf\u00e9"), "file.txt", "relative/missing", "",
            Path.Combine(_dir, "a*b"), Path.Combine(_dir, "q?"), Path.GetPathRoot(_dir)!,
        };
        foreach (var path in paths)
        {
            // Twice: the second answer comes from the listing the first one made.
            for (int round = 0; round < 2; round++)
            {
                Assert.AreEqual(File.Exists(path), cache.FileExists(path), $"File.Exists('{path}'), round {round}");
                Assert.AreEqual(Directory.Exists(path), cache.DirectoryExists(path), $"Directory.Exists('{path}'), round {round}");
                Assert.AreEqual(File.Exists(path) || Directory.Exists(path), cache.Exists(path), $"exists '{path}', round {round}");
            }
        }
    }

    [TestMethod]
    public void A_dockerfile_loaded_through_the_cache_is_named_by_its_full_path_as_GetFullPath_gives_it()
    {
        File.WriteAllText(Path.Combine(_dir, "Dockerfile"), "FROM alpine:3.20\n");
        File.WriteAllText(Path.Combine(_dir, "caf\u00e9.Dockerfile"), "FROM alpine:3.20\n");
        string sep = Path.DirectorySeparatorChar.ToString();
        var paths = new[]
        {
            Path.Combine(_dir, "Dockerfile"), _dir + sep + sep + "Dockerfile", Path.Combine(_dir, ".", "Dockerfile"),
            Path.Combine(_dir, "src", "..", "Dockerfile"), Path.Combine(_dir, "src", "...", "..", "Dockerfile"),
            Path.Combine(_dir, "caf\u00e9.Dockerfile"), Path.Combine(_dir, "missing"),
            Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(_dir, "Dockerfile")),
        };
        var cache = new AnalysisRunCache();
        foreach (string path in paths)
        {
            var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(path) { RunCache = cache });
            Assert.AreEqual(Path.GetFullPath(path), loaded.Dockerfile, path);
            if (loaded.Input is { } input)
            {
                Assert.AreEqual(Path.GetDirectoryName(Path.GetFullPath(path)), input.ContextDirectory, path);
            }
        }
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(10)] // a crowded listing: the names ignoring case are looked up in a set rather than one by one
    public void A_name_a_listing_holds_in_another_case_is_asked_of_the_disk_and_one_it_lacks_in_any_case_is_not(int more)
    {
        // A listing given by the caller that differs from the disk shows which answers come from it.
        string folder = Path.Combine(_dir, "listed" + more);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "readme.md"), "x");
        File.WriteAllText(Path.Combine(folder, "unlisted.txt"), "x");
        var listed = new List<string> { "README.MD", "Containeropt.YAML" };
        for (int i = 0; i < more; i++)
        {
            listed.Add("file" + i + ".txt");
        }
        var cache = new AnalysisRunCache();
        cache.AddListing(folder, Array.Empty<string>(), listed);

        Assert.IsTrue(cache.FileExists(Path.Combine(folder, "readme.md")), "another case of a listed name: the disk answers");
        Assert.IsFalse(cache.FileExists(Path.Combine(folder, "unlisted.txt")), "not listed in any case: the listing answers");
        Assert.IsFalse(cache.FileExists(Path.Combine(folder, "containeropt.yaml")), "listed in another case, not on the disk");
    }

    [TestMethod]
    public void A_folder_asked_about_by_many_threads_at_once_is_listed_once()
    {
        // The first files of a run all ask about the folders above them at the same moment.
        string folder = Path.Combine(_dir, "shared");
        Directory.CreateDirectory(folder);
        for (int i = 0; i < 2000; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"f{i}.txt"), "");
        }
        var cache = new AnalysisRunCache();
        const int threads = 8;
        using var start = new Barrier(threads);
        var answers = new bool[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            // More names than the disk answers before the folder is listed.
            for (int i = 0; i < 20; i++)
            {
                cache.FileExists(Path.Combine(folder, $"f{t * 20 + i}.txt"));
            }
            answers[t] = cache.FileExists(Path.Combine(folder, "f1999.txt"));
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        CollectionAssert.AreEqual(Enumerable.Repeat(true, threads).ToArray(), answers);
        Assert.AreEqual(1, cache.FoldersListed);
    }

    [TestMethod]
    public void A_folder_asked_about_a_few_names_is_answered_by_the_disk_and_listed_once_asked_about_more()
    {
        // A folder above the run is asked about its few configuration files: a stat each costs less than its listing.
        string folder = Path.Combine(_dir, "above");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, ".hadolint.yaml"), "");
        var cache = new AnalysisRunCache();
        for (int i = 0; i < 8; i++)
        {
            Assert.IsFalse(cache.FileExists(Path.Combine(folder, $"absent{i}.yaml")));
        }
        Assert.IsTrue(cache.FileExists(Path.Combine(folder, ".hadolint.yaml")));
        Assert.IsTrue(cache.DirectoryExists(Path.Combine(folder, "sub")));
        Assert.AreEqual(0, cache.FoldersListed, "a few names: asked of the disk");

        for (int i = 0; i < 20; i++)
        {
            Assert.IsFalse(cache.FileExists(Path.Combine(folder, $"missing{i}.txt")));
        }
        Assert.IsTrue(cache.FileExists(Path.Combine(folder, ".hadolint.yaml")));
        Assert.IsFalse(cache.FileExists(Path.Combine(folder, "sub")));
        Assert.AreEqual(1, cache.FoldersListed, "many names: listed, once");
    }

    [TestMethod]
    public void Only_a_plain_path_is_answered_by_its_folders_listing()
    {
        // The listing given lacks the file the disk has: a path that the listing answers says it is missing.
        string folder = Path.Combine(_dir, "listed");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "unlisted.txt"), "x");
        var cache = new AnalysisRunCache();
        cache.AddListing(folder, new[] { "sub" }, Array.Empty<string>());
        char sep = Path.DirectorySeparatorChar;

        Assert.IsFalse(cache.FileExists(folder + sep + "unlisted.txt"), "a plain path: the listing answers");
        foreach (var spelled in new[] { folder + sep + sep + "unlisted.txt", folder + sep + "." + sep + "unlisted.txt",
            folder + sep + "sub" + sep + ".." + sep + "unlisted.txt", folder + sep + "sub" + sep + sep + ".." + sep + "unlisted.txt" })
        {
            Assert.IsTrue(cache.FileExists(spelled), $"'{spelled}' is not plain: the disk answers");
        }
    }

    [TestMethod]
    public void Context_paths_are_answered_as_the_disk_answers_and_a_missing_folder_is_settled_by_the_listing_above_it()
    {
        var cache = new AnalysisRunCache();
        var relatives = new List<string>
        {
            "src", "src/Api", "src/Api/Api.csproj", "src/Api/missing.csproj", "src/Missing/Missing.csproj", "missing/deeper/file", "file.txt",
            "file.txt/child", "SRC/Api/Api.csproj", "src/API/Api.csproj", "readme.md", "Readme.MD", "src//Api", "src/./Api", "src/../file.txt",
            "src/Api/", "", "caf\u00e9/x", "a*b/c", ".dockerignore",
        };
        if (!OperatingSystem.IsWindows())
        {
            relatives.AddRange(new[] { "dangling", "dangling/child", "to-file", "to-file/child", "to-dir/Api/Api.csproj", "to-dir/missing/x" });
        }
        foreach (var relative in relatives)
        {
            string full = Path.Combine(_dir, relative.Replace('/', Path.DirectorySeparatorChar));
            bool onDisk = File.Exists(full) || Directory.Exists(full);
            Assert.AreEqual(onDisk, new DiskContextFiles(_dir).Exists(relative), $"'{relative}' alone");
            for (int round = 0; round < 2; round++)
            {
                Assert.AreEqual(onDisk, new DiskContextFiles(_dir, cache).Exists(relative), $"'{relative}', round {round}");
            }
        }

        // A new run: the context's listing says there is no 'gone', so nothing under it is listed or asked of the disk.
        var fresh = new AnalysisRunCache();
        var context = new DiskContextFiles(_dir, fresh);
        Assert.IsFalse(context.Exists("gone"));
        int listed = fresh.FoldersListed;
        Assert.IsFalse(context.Exists("gone/a/b/c.txt"));
        Assert.IsFalse(context.Exists("gone/d/e.txt"));
        Assert.IsFalse(fresh.FileExists(Path.Combine(_dir, "gone", "f", "g.txt")));
        Assert.AreEqual(listed, fresh.FoldersListed);
    }

    [TestMethod]
    public void A_request_loaded_through_the_cache_is_the_request_loaded_alone()
    {
        File.WriteAllText(Path.Combine(_dir, ".hadolint.yaml"), "ignored: [DL3008]\nfailure-threshold: warning\n");
        string other = Path.Combine(_dir, "src", "Api", "Dockerfile");
        File.WriteAllText(other, "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY Api.csproj missing.props ./\nRUN dotnet restore\n");
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM ubuntu\nRUN apt-get update && apt-get install -y curl\nCOPY src/Api/Api.csproj src/Missing/Missing.csproj file.txt /app/\nCOPY readme.md /\n");
        File.WriteAllText(dockerfile + ".dockerignore", "*.md\n");
        var cache = new AnalysisRunCache();
        var analyzer = new DockerfileAnalyzer();
        foreach (var (file, context) in new[] { (dockerfile, (string?)null), (other, null), (other, _dir), (dockerfile, _dir), (other, null) })
        {
            var alone = AnalysisRequestLoader.Load(new AnalysisRequest(file) { Context = context, SearchPath = _dir });
            var shared = AnalysisRequestLoader.Load(new AnalysisRequest(file) { Context = context, SearchPath = _dir, RunCache = cache });
            Assert.AreEqual(alone.CacheKey, shared.CacheKey, file);
            CollectionAssert.AreEqual(alone.ConfigFiles.ToList(), shared.ConfigFiles.ToList(), file);
            CollectionAssert.AreEqual(alone.Notes.ToList(), shared.Notes.ToList(), file);
            CollectionAssert.AreEqual(alone.Problems.Select(p => p.ToCanonicalString()).ToList(), shared.Problems.Select(p => p.ToCanonicalString()).ToList(), file);
            Assert.AreEqual(alone.Input!.DockerIgnorePath, shared.Input!.DockerIgnorePath, file);
            Assert.AreEqual(alone.Input.DockerIgnoreText, shared.Input.DockerIgnoreText, file);
            var expected = analyzer.Analyze(alone.Input).Findings.Select(f => f.ToCanonicalString()).ToList();
            var actual = analyzer.Analyze(shared.Input).Findings.Select(f => f.ToCanonicalString()).ToList();
            CollectionAssert.AreEqual(expected, actual, file);
            Assert.IsTrue(expected.Count > 0, file);
            CollectionAssert.AreEquivalent(alone.ContextFiles!.Probes.ToList(), shared.ContextFiles!.Probes.ToList(), file);
        }
    }

    [TestMethod]
    public void Failed_loads_keep_their_problems_and_keys()
    {
        var cache = new AnalysisRunCache();
        foreach (var request in new Func<AnalysisRequest>[]
        {
            () => new AnalysisRequest(Path.Combine(_dir, "no-such", "Dockerfile")),
            () => new AnalysisRequest(Path.Combine(_dir, "file.txt")) { Context = Path.Combine(_dir, "no-such-context") },
            () => new AnalysisRequest(Path.Combine(_dir, "file.txt")) { ConfigFile = Path.Combine(_dir, "no-such.yaml") },
        })
        {
            var alone = AnalysisRequestLoader.Load(request());
            var withCache = request();
            withCache.RunCache = cache;
            var shared = AnalysisRequestLoader.Load(withCache);
            Assert.IsNull(alone.Input);
            Assert.IsNull(shared.Input);
            Assert.AreEqual(alone.CacheKey, shared.CacheKey);
            Assert.AreEqual(alone.Problems.Single().ToCanonicalString(), shared.Problems.Single().ToCanonicalString());
        }
    }
}
