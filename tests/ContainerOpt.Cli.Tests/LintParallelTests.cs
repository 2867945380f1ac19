using ContainerOpt.Cli.Commands;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// A lint of many files is spread over the cores and shares one run cache (folder listings, configuration, ShellCheck);
/// its output must be the one of the files linted one after another, each asking the disk for itself: the same bytes on
/// standard output and error, the same exit code, in every format.
/// </summary>
[TestClass]
public sealed class LintParallelTests
{
    private static readonly LintCommand.LintSettings OneByOne = new() { MaxParallelism = 1, ShareRunCache = false };

    private static readonly Lazy<string> Tree = new(MakeTree, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// 160 Dockerfiles in 40 repositories: every sample of the repository and the benchmarks' typical file, varied;
    /// .dockerignore files beside the context and beside a Dockerfile; hadolint and ContainerOpt configuration files (one
    /// broken, shared by four Dockerfiles); COPY sources present, missing, in a missing folder and differing only in case.
    /// </summary>
    private static string MakeTree()
    {
        string root = Path.Combine(Path.GetTempPath(), "containeropt-tests", "parallel-" + Guid.NewGuid().ToString("N"));
        string repoRoot = FindRepoRoot();
        var bodies = new List<string> { Samples.Typical };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repoRoot, "samples"), "Dockerfile*", SearchOption.AllDirectories))
        {
            bodies.Add(File.ReadAllText(file));
        }
        bodies.Add("FROM alpine:3.20\nRUNN echo hi\n");
        bodies.Add("FROM alpine:3.20\nRUN <<EOF\necho unterminated\n");
        bodies.Add("FROM ubuntu\nRUN apt-get update\nRUN apt-get install curl\nCOPY src/ /app/\nCOPY Src/readme.md /app/\nCOPY missing/deep/file.txt /app/\nCOPY present.txt ./\n");
        bodies.Add("FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD npm start\n");
        bodies.Add("FROM python:3.12-slim\nRUN pip install flask\nCOPY *.py /app/\nCMD python /app/main.py\n");

        int n = 0;
        for (int repo = 0; repo < 40; repo++)
        {
            string dir = Path.Combine(root, $"repo{repo:D2}");
            Directory.CreateDirectory(Path.Combine(dir, "src"));
            File.WriteAllText(Path.Combine(dir, "present.txt"), "x");
            File.WriteAllText(Path.Combine(dir, "src", "main.py"), "print(1)");
            if (repo % 3 == 0)
            {
                File.WriteAllText(Path.Combine(dir, ".dockerignore"), repo % 2 == 0 ? "src\n*.md\n" : "present.txt\n");
            }
            if (repo % 7 == 1)
            {
                File.WriteAllText(Path.Combine(dir, ".hadolint.yaml"), "ignored:\n  - DL3008\nfailure-threshold: warning\n");
            }
            if (repo % 11 == 2)
            {
                File.WriteAllText(Path.Combine(dir, "containeropt.yaml"), repo == 2 ? "rules: [this is not a map\n" : "mode: all\n");
            }
            for (int k = 0; k < 4; k++)
            {
                string name = k switch { 0 => "Dockerfile", 1 => Path.Combine("src", "Dockerfile"), 2 => "api.Dockerfile", _ => "Dockerfile.dev" };
                string path = Path.Combine(dir, name);
                File.WriteAllText(path, bodies[n++ % bodies.Count]);
                if (k == 2 && repo % 5 == 0)
                {
                    File.WriteAllText(path + ".dockerignore", "*.txt\n");
                }
            }
        }
        return root;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContainerOpt.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("ContainerOpt.sln not found above " + AppContext.BaseDirectory);
    }

    private static (int Code, string Stdout, string Stderr) Lint(LintCommand.LintSettings settings, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = LintCommand.Run(args, stdout, stderr, settings);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("json")]
    [DataRow("sarif")]
    public void Many_files_on_both_cores_print_what_one_file_after_another_prints(string format)
    {
        var args = new[] { Tree.Value, "--format", format, "--verbose" };
        var one = Lint(OneByOne, args);
        var spread = Lint(new LintCommand.LintSettings { MaxParallelism = 4 }, args);
        var dflt = Lint(LintCommand.LintSettings.Default, args);

        Assert.AreEqual(2, one.Code, "the broken containeropt.yaml makes it a configuration problem: " + one.Stderr);
        StringAssert.Contains(one.Stdout, "COPT1001");
        Assert.IsTrue(one.Stdout.Length > 10_000, "enough findings to compare: " + one.Stdout.Length);
        Assert.AreEqual(one.Code, spread.Code);
        Assert.AreEqual(one.Stderr, spread.Stderr);
        Assert.AreEqual(one.Stdout, spread.Stdout);
        Assert.AreEqual(one.Code, dflt.Code);
        Assert.AreEqual(one.Stderr, dflt.Stderr);
        Assert.AreEqual(one.Stdout, dflt.Stdout);
    }

    [TestMethod]
    public void The_files_are_reported_in_the_order_of_the_operands_and_the_sorted_folders()
    {
        string tree = Tree.Value;
        string single = Path.Combine(tree, "repo05", "api.Dockerfile");
        var args = new[] { Path.Combine(tree, "repo07"), single, Path.Combine(tree, "repo01"), "--format", "json" };
        var one = Lint(OneByOne, args);
        var spread = Lint(new LintCommand.LintSettings { MaxParallelism = 3 }, args);
        Assert.AreEqual(one.Stdout, spread.Stdout);
        Assert.AreEqual(one.Code, spread.Code);
        int a = one.Stdout.IndexOf("repo07", StringComparison.Ordinal), b = one.Stdout.IndexOf("repo05", StringComparison.Ordinal), c = one.Stdout.IndexOf("repo01", StringComparison.Ordinal);
        Assert.IsTrue(a >= 0 && a < b && b < c, one.Stdout);
    }

    [TestMethod]
    public void An_empty_folder_between_large_ones_is_said_in_its_place_while_the_search_runs_ahead_of_the_report()
    {
        // The whole tree (160 files, more than the search may keep ahead of the report), then a folder with none, then a
        // repository again: the search thread waits for the report, and the empty operand is told where it stands.
        string tree = Tree.Value;
        string empty = CliRunner.TempFolder("empty");
        var args = new[] { tree, empty, Path.Combine(tree, "repo03"), "--format", "text", "--verbose" };
        var one = Lint(OneByOne, args);
        var spread = Lint(new LintCommand.LintSettings { MaxParallelism = 2 }, args);

        Assert.AreEqual(one.Stdout, spread.Stdout);
        Assert.AreEqual(one.Stderr, spread.Stderr);
        Assert.AreEqual(2, spread.Code, spread.Stderr);
        // Said after the notes of the tree's last repository and before the summary, which counts the repository again.
        int said = spread.Stderr.IndexOf($"containeropt: no Dockerfile in '{empty}'", StringComparison.Ordinal);
        int lastOfTree = spread.Stderr.LastIndexOf(Path.Combine(tree, "repo39"), StringComparison.Ordinal);
        Assert.IsTrue(lastOfTree >= 0 && said > lastOfTree, spread.Stderr);
        StringAssert.StartsWith(spread.Stderr[spread.Stderr.IndexOf('\n', said)..], "\n164 file(s): ", spread.Stderr);
    }

    [TestMethod]
    public void A_folder_s_files_are_reported_in_the_ordinal_order_of_their_paths_not_in_the_order_the_search_finds_them()
    {
        // The search hands each file on as it finds it (a folder's files before its subfolders'), so that the workers
        // start at once; the report sorts: "a-c/" before "a/" ('-' < '/'), "a/Dockerfile" before "a/b/" ('D' < 'b').
        string root = Path.Combine(Path.GetTempPath(), "containeropt-tests", "order-" + Guid.NewGuid().ToString("N"));
        string[] names = { Path.Combine("a-c", "Dockerfile"), Path.Combine("a", "Containerfile"), Path.Combine("a", "Dockerfile"), Path.Combine("a", "b", "Dockerfile") };
        foreach (var name in names.Reverse())
        {
            string path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "FROM ubuntu:24.04\nRUN apt-get update && apt-get install curl\nCMD [\"curl\"]\n");
        }
        var one = Lint(OneByOne, root, "--format", "text");
        var spread = Lint(new LintCommand.LintSettings { MaxParallelism = 2 }, root, "--format", "text");

        Assert.AreEqual(one.Stdout, spread.Stdout);
        Assert.AreEqual(one.Stderr, spread.Stderr);
        StringAssert.Contains(one.Stderr, "4 file(s)");
        var positions = names.Select(name => one.Stdout.IndexOf(Path.Combine(root, name) + "(", StringComparison.Ordinal)).ToArray();
        CollectionAssert.DoesNotContain(positions, -1, one.Stdout);
        CollectionAssert.AreEqual(positions.OrderBy(p => p).ToArray(), positions, one.Stdout);
    }

    [TestMethod]
    public void A_named_context_and_a_named_configuration_are_shared_by_every_file_as_before()
    {
        string tree = Tree.Value;
        var args = new[] { Path.Combine(tree, "repo10"), Path.Combine(tree, "repo11"), "--context", Path.Combine(tree, "repo12"),
            "--config", Path.Combine(tree, "repo08", ".hadolint.yaml"), "--mode", "all" };
        var one = Lint(OneByOne, args);
        var spread = Lint(LintCommand.LintSettings.Default, args);
        Assert.AreEqual(one.Code, spread.Code);
        Assert.AreEqual(one.Stderr, spread.Stderr);
        Assert.AreEqual(one.Stdout, spread.Stdout);
        StringAssert.Contains(one.Stderr, "8 file(s)");
    }

    [TestMethod]
    public void Missing_files_among_many_are_coded_problems_in_their_place()
    {
        string tree = Tree.Value;
        var args = new[] { Path.Combine(tree, "repo03", "Dockerfile"), Path.Combine(tree, "no-such", "Dockerfile"), Path.Combine(tree, "repo04", "Dockerfile") };
        var one = Lint(OneByOne, args);
        var spread = Lint(LintCommand.LintSettings.Default, args);
        Assert.AreEqual(2, one.Code);
        Assert.AreEqual(one.Code, spread.Code);
        Assert.AreEqual(one.Stderr, spread.Stderr);
        Assert.AreEqual(one.Stdout, spread.Stdout);
        StringAssert.Contains(one.Stdout, Path.Combine(tree, "no-such", "Dockerfile") + "(1,1): error COPT0001");
    }
}
