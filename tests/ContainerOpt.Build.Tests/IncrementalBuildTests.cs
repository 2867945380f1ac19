using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// A second build with nothing changed still shows the warnings (a warning that disappears on the
/// second build is one nobody fixes), re-logged from obj/…/containeropt.cache without analysing
/// again; an edited Dockerfile is analysed again; `dotnet clean` removes the cache.
/// </summary>
[TestClass]
public sealed class IncrementalBuildTests : BuildTestBase
{
    [TestMethod]
    public void AFileThatAppearsInTheContext_IsSeenByTheNextBuild_ThoughTheDockerfileIsUnchanged()
    {
        // The cache keeps the context's answers (one stat per COPY source) and asks them again: no stale COPT1204.
        var scratch = new Scratch("context-probe");
        var project = scratch.Library("app", "FROM alpine:3.20\nCOPY config.json /etc/\n", properties: "<ContainerOptContext>.</ContainerOptContext>");
        var dockerfile = scratch.PathOf("app/Dockerfile");

        var missing = scratch.Build(project);
        BuildAssert.Failed(missing);
        BuildAssert.Findings(missing, Expected.Error("COPT1204", dockerfile, 2, 6, 2, 17, project));

        scratch.Write("app/config.json", "{}\n");
        var present = scratch.Build(project, "--no-restore", "-v:d");
        BuildAssert.Succeeded(present);
        BuildAssert.Findings(present);
        Assert.IsFalse(present.Stdout.Contains("re-logged from", StringComparison.Ordinal), "a changed context answer must be analysed again");

        var unchanged = scratch.Build(project, "--no-restore", "-v:d");
        BuildAssert.Succeeded(unchanged);
        StringAssert.Contains(unchanged.Stdout, "0 finding(s) re-logged from");

        File.Delete(scratch.PathOf("app/config.json"));
        var gone = scratch.Build(project, "--no-restore");
        BuildAssert.Failed(gone);
        BuildAssert.Findings(gone, Expected.Error("COPT1204", dockerfile, 2, 6, 2, 17, project));
    }

    [TestMethod]
    public void NoOpRebuild_RelogsTheSameWarningsFromTheCache_AndAnEditIsAnalysedAgain()
    {
        var scratch = new Scratch("incremental");
        var project = scratch.Library("app", Dockerfiles.FinalStage);
        var dockerfile = scratch.PathOf("app/Dockerfile");
        var cache = scratch.PathOf("app/obj/Debug/net10.0/containeropt.cache");

        // 1. First build: analysed, cached.
        var first = scratch.Build(project);
        BuildAssert.Succeeded(first);
        BuildAssert.Findings(first, Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 26, project));
        Assert.IsTrue(File.Exists(cache), $"{cache} should exist after the first build");
        var cacheBytes = File.ReadAllBytes(cache);
        var cacheTime = File.GetLastWriteTimeUtc(cache);
        Assert.IsFalse(first.Stdout.Contains("re-logged from", StringComparison.Ordinal));

        // 2. Nothing changed: the same warning, from the cache (the low-importance message shows at -v:d), cache untouched.
        var second = scratch.Build(project, "--no-restore", "-v:d");
        BuildAssert.Succeeded(second);
        BuildAssert.Findings(second, Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 26, project));
        StringAssert.Contains(second.Stdout, $"ContainerOpt: {dockerfile} unchanged; 1 finding(s) re-logged from {cache}.");
        CollectionAssert.AreEqual(cacheBytes, File.ReadAllBytes(cache), "a cache hit must not rewrite the cache");
        Assert.AreEqual(cacheTime, File.GetLastWriteTimeUtc(cache), "a cache hit must not touch the cache");

        // 3. The Dockerfile is edited: the old finding is gone, the new ones are reported.
        // An application (it has a command): its package cache is a warning, not a base image's suggestion.
        File.WriteAllText(dockerfile, "FROM alpine:3.20 AS Prod\nRUN apk add curl=8.9.1-r0\nCMD [\"curl\", \"--version\"]\n");
        var third = scratch.Build(project, "--no-restore", "-v:d");
        BuildAssert.Succeeded(third);
        BuildAssert.Findings(third,
            Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 25, project),
            Expected.Warning("COPT3004", dockerfile, 2, 5, 2, 8, project));
        Assert.IsFalse(third.Stdout.Contains("re-logged from", StringComparison.Ordinal), "an edited Dockerfile must be analysed again");
        Assert.AreEqual("Stage name 'Prod' should be lowercase: name it 'prod'.", third.ContainerOptDiagnostics.Single(d => d.Code == "COPT1100").Message);

        // 4. Fixed: no finding, and the next no-op build re-logs nothing.
        File.WriteAllText(dockerfile, Dockerfiles.Clean);
        var fourth = scratch.Build(project, "--no-restore");
        BuildAssert.Succeeded(fourth);
        BuildAssert.Findings(fourth);
        var fifth = scratch.Build(project, "--no-restore", "-v:d");
        BuildAssert.Succeeded(fifth);
        BuildAssert.Findings(fifth);
        StringAssert.Contains(fifth.Stdout, "0 finding(s) re-logged from");

        // 5. `dotnet clean` removes the cache with the build's other files.
        var clean = scratch.Dotnet("clean", project, "-nologo", "-tl:off");
        BuildAssert.Succeeded(clean);
        Assert.IsFalse(File.Exists(cache), $"{cache} should be removed by dotnet clean");
    }
}
