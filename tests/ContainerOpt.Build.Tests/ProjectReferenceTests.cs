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
        BuildAssert.Findings(result, Expected.Warning("COPT1100", scratch.PathOf("A/Dockerfile"), 1, 46, 1, 51, a));
        var build = BinaryLog.ReadBuild(binlog);
        var task = build.FindChildrenRecursive<StructuredTask>(t => t.Name == "AnalyzeDockerfile").Single();
        var parameter = task.FindChildrenRecursive<Parameter>(p => p.Name == "ProjectReferences").SingleOrDefault();
        Assert.IsNotNull(parameter, "AnalyzeDockerfile received no ProjectReferences");
        var received = parameter.FindChildrenRecursive<Item>()
            .Select(i => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(a)!, i.Text)))
            .Distinct()
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        CollectionAssert.AreEqual(new[] { b, c }.OrderBy(p => p, StringComparer.Ordinal).ToList(), received, "received: " + string.Join(", ", received));
    }
}
