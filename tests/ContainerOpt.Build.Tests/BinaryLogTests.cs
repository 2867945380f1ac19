using ContainerOpt.Build.Tests.Infrastructure;
using Microsoft.Build.Logging.StructuredLogger;
using StructuredTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace ContainerOpt.Build.Tests;

/// <summary>`dotnet build -bl` read back with MSBuild.StructuredLogger, as the binlog viewer shows it.</summary>
[TestClass]
public sealed class BinaryLogTests : BuildTestBase
{
    [TestMethod]
    public void Binlog_HoldsTheWarning_WithCodeFileAndSpan()
    {
        var web = SharedBuilds.SingleWebApp;
        BuildAssert.Succeeded(web.Result);

        var build = BinaryLog.ReadBuild(web.Binlog);

        Assert.IsTrue(build.Succeeded, "the binlog's build should have succeeded");
        var warnings = build.FindChildrenRecursive<Warning>(w => w.Code is not null && w.Code.StartsWith("COPT", StringComparison.Ordinal));
        Assert.HasCount(1, warnings, string.Join("\n", warnings.Select(w => w.ToString())));
        var w = warnings[0];
        Assert.AreEqual("COPT1100", w.Code);
        Assert.AreEqual(web.Dockerfile, w.File);
        Assert.AreEqual(1, w.LineNumber);
        Assert.AreEqual(21, w.ColumnNumber);
        Assert.AreEqual(1, w.EndLineNumber);
        Assert.AreEqual(26, w.EndColumnNumber);
        Assert.AreEqual(Dockerfiles.FinalStageMessage, w.Text);
        Assert.AreEqual(web.Project, w.ProjectFile);
    }

    [TestMethod]
    public void Binlog_HoldsTheTasksOutputItems_AsContainerOptFinding()
    {
        var web = SharedBuilds.SingleWebApp;
        var build = BinaryLog.ReadBuild(web.Binlog);

        var task = build.FindChildrenRecursive<StructuredTask>(t => t.Name == "AnalyzeDockerfile").Single();
        var outputItems = task.FindChildrenRecursive<Folder>(f => f.Name == "OutputItems").Single();
        var output = outputItems.Children.OfType<NamedNode>().Single(n => n.Name == "ContainerOptFinding");
        var items = output.FindChildrenRecursive<Item>();
        Assert.HasCount(1, items);
        var item = items[0];
        Assert.AreEqual("COPT1100", item.Text);
        var metadata = item.FindChildrenRecursive<Metadata>().ToDictionary(m => m.Name, m => m.Value);
        Assert.AreEqual("warning", metadata["Severity"]);
        Assert.AreEqual(web.Dockerfile, metadata["File"]);
        Assert.AreEqual("1", metadata["Line"]);
        Assert.AreEqual("21", metadata["Column"]);
        Assert.AreEqual("1", metadata["EndLine"]);
        Assert.AreEqual("26", metadata["EndColumn"]);
        Assert.AreEqual(Dockerfiles.FinalStageMessage, metadata["Message"]);
        Assert.AreEqual("https://github.com/containeropt/containeropt/blob/main/docs/rules/COPT1100.md", metadata["HelpLink"]);
    }
}
