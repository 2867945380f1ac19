using ContainerOpt.Build.Tests.Infrastructure;
using Microsoft.Build.Logging.StructuredLogger;
using StructuredTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// The project model the task receives includes every project the app is built from: its direct
/// ProjectReferences and the transitive ones the .NET SDK adds (A → B → C gives A both B and C),
/// which rules use to check that a Dockerfile copies every project it needs.
/// </summary>
[TestClass]
public sealed class ProjectReferenceTests : BuildTestBase
{
    [TestMethod]
    public void TaskReceivesDirectAndTransitiveProjectReferences()
    {
        var scratch = new Scratch("transitive");
        var c = scratch.Library("C", dockerfile: null, reference: false);
        var b = scratch.Library("B", dockerfile: null, reference: false, items: "<ProjectReference Include=\"../C/C.csproj\" />");
        var a = scratch.ConsoleApp("A", Dockerfiles.FinalStage, items: "<ProjectReference Include=\"../B/B.csproj\" />");
        var binlog = scratch.PathOf("a.binlog");

        var result = scratch.Build(a, "-bl:" + binlog);

        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result, Expected.Warning("COPT1100", scratch.PathOf("A/Dockerfile"), 1, 21, 1, 26, a));
        var expected = new[] { b, c }.OrderBy(p => p, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, ReceivedProjectReferences(binlog, a), "after dotnet build");

        // `dotnet publish --no-build` runs the analysis without a Build before it: the same references.
        var publishLog = scratch.PathOf("publish.binlog");
        var publish = scratch.Dotnet("publish", a, "-nologo", "-tl:off", "--no-build", "-c", "Debug", "-o", scratch.PathOf("out"), "-bl:" + publishLog);
        BuildAssert.Succeeded(publish);
        BuildAssert.Findings(publish, Expected.Warning("COPT1100", scratch.PathOf("A/Dockerfile"), 1, 21, 1, 26, a));
        CollectionAssert.AreEqual(expected, ReceivedProjectReferences(publishLog, a), "after dotnet publish --no-build");

        // The public target on its own (`-t:ContainerOptAnalyze`, no Build before it): the same references.
        var targetLog = scratch.PathOf("target.binlog");
        var target = scratch.Dotnet("msbuild", a, "-nologo", "-tl:off", "-t:ContainerOptAnalyze", "-bl:" + targetLog);
        BuildAssert.Succeeded(target);
        BuildAssert.Findings(target, Expected.Warning("COPT1100", scratch.PathOf("A/Dockerfile"), 1, 21, 1, 26, a));
        CollectionAssert.AreEqual(expected, ReceivedProjectReferences(targetLog, a), "after dotnet msbuild -t:ContainerOptAnalyze");
    }

    private static List<string> ReceivedProjectReferences(string binlog, string project)
    {
        var build = BinaryLog.ReadBuild(binlog);
        var task = build.FindChildrenRecursive<StructuredTask>(t => t.Name == "AnalyzeDockerfile").Single();
        var parameter = task.FindChildrenRecursive<Parameter>(p => p.Name == "ProjectReferences").SingleOrDefault();
        Assert.IsNotNull(parameter, "AnalyzeDockerfile received no ProjectReferences");
        return parameter.FindChildrenRecursive<Item>()
            .Select(i => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, i.Text)))
            .Distinct()
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }
}
