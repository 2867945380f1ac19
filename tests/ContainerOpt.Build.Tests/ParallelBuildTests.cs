using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// A solution of 20 projects with a Dockerfile each, built with -maxcpucount: every project reports
/// its own finding exactly once, and a second build (every cache present) does the same with no
/// file-lock or overwrite problem.
/// </summary>
[TestClass]
public sealed class ParallelBuildTests : BuildTestBase
{
    private const int Projects = 20;

    [TestMethod]
    public void TwentyProjects_BuiltInParallel_EachReportOnce_TwiceInARow()
    {
        var scratch = new Scratch("parallel");
        var expected = new List<Expected>();
        var projects = new List<string>();
        for (int i = 1; i <= Projects; i++)
        {
            string name = $"P{i:D2}";
            string stage = $"Stage{i:D2}";
            string content = $"FROM alpine:3.20 AS {stage}\n";
            var project = scratch.Library(name, content);
            projects.Add(project);
            int column = content.IndexOf(stage, StringComparison.Ordinal) + 1;
            expected.Add(Expected.Warning("COPT1100", scratch.PathOf($"{name}/Dockerfile"), 1, column, 1, column + stage.Length, project));
        }
        var sln = scratch.Solution("Parallel", projects.ToArray());

        var first = scratch.Build(sln, "-maxcpucount");
        BuildAssert.Succeeded(first);
        BuildAssert.Findings(first, expected.ToArray());

        var second = scratch.Build(sln, "-maxcpucount", "--no-restore");
        BuildAssert.Succeeded(second);
        BuildAssert.Findings(second, expected.ToArray());
        foreach (var project in projects)
        {
            var obj = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0");
            Assert.IsTrue(File.Exists(Path.Combine(obj, "containeropt.cache")), obj);
            Assert.IsEmpty(Directory.GetFiles(obj, "containeropt.cache.*.tmp"), "no temporary cache file may be left behind in " + obj);
        }
    }
}
