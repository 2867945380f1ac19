using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>`dotnet publish` analyses too, once (its Build and its Publish share one analysis).</summary>
[TestClass]
public sealed class PublishTests : BuildTestBase
{
    [TestMethod]
    public void Publish_ReportsTheFindingOnce_AlsoWhenAnalysisOnBuildIsOff()
    {
        var scratch = new Scratch("publish");
        var project = scratch.WebApp("web");
        var dockerfile = scratch.PathOf("web/Dockerfile");

        var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"));

        BuildAssert.Succeeded(publish);
        BuildAssert.Findings(publish, Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 26, project));
        Assert.IsTrue(File.Exists(scratch.PathOf("out/web.dll")), "the app should be published");

        // ContainerOptAnalyzeOnBuild=false: `dotnet build` is silent, `dotnet publish` still analyses, once.
        var build = scratch.Build(project, "--no-restore", "-p:ContainerOptAnalyzeOnBuild=false");
        BuildAssert.Succeeded(build);
        BuildAssert.Silent(build);
        var publishOnly = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "--no-restore", "-p:ContainerOptAnalyzeOnBuild=false", "-o", scratch.PathOf("out"));
        BuildAssert.Succeeded(publishOnly);
        BuildAssert.Findings(publishOnly, Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 26, project));
    }
}
