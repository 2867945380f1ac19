using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

/// <summary>
/// Issue 13 item 5: one line per step as the builder reports it finished, read from the recorded real outputs
/// (Fixtures/README.md) line by line as they would stream: BuildKit's <c>#8 DONE 4.2s</c>/<c>CACHED</c>/<c>ERROR</c>/
/// <c>CANCELED</c>, the legacy builder's <c>Step 7/9 :</c> and <c> ---&gt; id</c>, podman's <c>STEP 3/7:</c> and <c>--&gt; id</c>.
/// </summary>
[TestClass]
public sealed class BuildStepLineTests
{
    /// <summary>
    /// Streams a fixture through the parser, one second of a fake clock per line (the step-by-step builders print no
    /// times: a step's measured time is the lines between its start and its end), and returns the step lines in the
    /// order they were raised, then those <see cref="BuildOutputParser.Complete"/> raised after "--".
    /// </summary>
    private static List<string> Stream(BuilderKind kind, string fixture, bool succeeded)
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        BuildOutputParser parser = BuildOutputParser.For(kind, () => now);
        var lines = new List<string>();
        parser.StepFinished += step => lines.Add(BuildStepLine.Format(step));
        foreach (string line in BuilderTestFiles.Fixture(fixture).Replace("\r\n", "\n").Split('\n'))
        {
            now = now.AddSeconds(1);
            parser.Accept(line);
        }
        lines.Add("--");
        parser.Complete(succeeded);
        return lines;
    }

    private static void AssertLines(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual));

    [TestMethod]
    public void BuildKit_EachStepAsItsVertexEnds_WithBuildKitsOwnTimes()
    {
        AssertLines(new[]
        {
            "[build 1/4] FROM docker.io/containeropt/bookworm-base:1      CACHED",
            "[build 2/4] WORKDIR /src                                     DONE 0.1s",
            "[build 3/4] COPY a.txt .                                     DONE 0.0s",
            "[build 4/4] RUN cat a.txt > b.txt                            DONE 0.3s",
            "[stage-1 2/3] COPY --from=build /src/b.txt /b.txt            DONE 0.1s",
            "[stage-1 3/3] RUN echo hi                                    DONE 0.2s",
            "--",
        }, Stream(BuilderKind.DockerBuildKit, "buildkit-20.10-multistage.txt", succeeded: true));

        AssertLines(new[]
        {
            "[stage-1 1/3] FROM docker.io/containeropt/bookworm-base:1    DONE 0.0s",
            "[build 4/4] RUN cat a.txt > b.txt                            CACHED",
            "[build 3/4] COPY a.txt .                                     CACHED",
            "[build 2/4] WORKDIR /src                                     CACHED",
            "[stage-1 2/3] COPY --from=build /src/b.txt /b.txt            CACHED",
            "[stage-1 3/3] RUN echo hi                                    CACHED",
            "--",
        }, Stream(BuilderKind.DockerBuildKit, "buildkit-20.10-multistage-cached.txt", succeeded: true));
    }

    [TestMethod]
    public void BuildKit_AFailedStepIsAnErrorLine_AndAContinuedRunIsOneLine()
    {
        AssertLines(new[]
        {
            "[build 2/3] WORKDIR /src                                     CACHED",
            "[build 1/3] FROM docker.io/containeropt/bookworm-base:1      CACHED",
            "[build 3/3] RUN echo building && echo still building         DONE 0.1s",
            "[test 1/2] RUN echo testing                                  DONE 0.1s",
            "[test 2/2] RUN exit 7                                        ERROR",
            "--",
        }, Stream(BuilderKind.DockerBuildKit, "buildkit-20.10-stage-fails.txt", succeeded: false));
    }

    [TestMethod]
    public void BuildKit_AStepStoppedBecauseAnotherFailed_IsCanceled_AndTheFailureStaysTheFailedOne()
    {
        AssertLines(new[]
        {
            "[fails 1/2] FROM docker.io/containeropt/bookworm-base:1      CACHED",
            "[fails 2/2] RUN sleep 1 && exit 4                            ERROR",
            "[slow 2/2] RUN sleep 5 && echo slow done                     CANCELED",
            "--",
        }, Stream(BuilderKind.DockerBuildKit, "buildkit-20.10-canceled.txt", succeeded: false));

        BuildOutputParser parser = BuildOutputParser.For(BuilderKind.DockerBuildKit);
        parser.AcceptAll(BuilderTestFiles.Fixture("buildkit-20.10-canceled.txt"));
        parser.Complete(false);
        Assert.AreEqual("[fails 2/2] RUN sleep 1 && exit 4", parser.FailedStep!.ToString());
        Assert.AreEqual("executor failed running [/bin/sh -c sleep 1 && exit 4]: exit code: 4", parser.ErrorMessage);
    }

    /// <summary>The failed .NET step of issue 16: its line says ERROR; the cause stays COPT0014's (BuildFailureCauseTests).</summary>
    [TestMethod]
    public void BuildKit_AFailedDotnetRestore_EndsTheStepLinesWithItsError()
    {
        AssertLines(new[]
        {
            "[1/6] FROM mcr.microsoft.com/dotnet/sdk:10.0                 DONE 0.0s",
            "[2/6] WORKDIR /src                                           CACHED",
            "[3/6] COPY app.csproj .                                      DONE 0.0s",
            "[4/6] RUN dotnet restore -p:TargetFramework=$TFM             ERROR",
            "--",
        }, Stream(BuilderKind.DockerBuildKit, "buildkit-20.10-restore-fails.txt", succeeded: false));
    }

    [TestMethod]
    public void Legacy_EachStepWhenItsImageIdIsPrinted_UsingCacheIsCached()
    {
        AssertLines(new[]
        {
            "[build 1/7] FROM containeropt/bookworm-base:1 AS build       DONE 1.0s",
            "[build 2/7] WORKDIR /src                                     DONE 3.0s",
            "[build 3/7] COPY a.txt .                                     DONE 1.0s",
            "[build 4/7] RUN cat a.txt > b.txt                            DONE 3.0s",
            "[stage-1 5/7] FROM containeropt/bookworm-base:1              DONE 1.0s",
            "[stage-1 6/7] COPY --from=build /src/b.txt /b.txt            DONE 1.0s",
            "[stage-1 7/7] RUN echo hi                                    DONE 4.0s",
            "--",
        }, Stream(BuilderKind.DockerLegacy, "legacy-20.10-multistage.txt", succeeded: true));

        AssertLines(new[]
        {
            "[build 1/7] FROM containeropt/bookworm-base:1 AS build       DONE 1.0s",
            "[build 2/7] WORKDIR /src                                     CACHED",
            "[build 3/7] COPY a.txt .                                     CACHED",
            "[build 4/7] RUN cat a.txt > b.txt                            CACHED",
            "[stage-1 5/7] FROM containeropt/bookworm-base:1              DONE 1.0s",
            "[stage-1 6/7] COPY --from=build /src/b.txt /b.txt            CACHED",
            "[stage-1 7/7] RUN echo hi                                    CACHED",
            "--",
        }, Stream(BuilderKind.DockerLegacy, "legacy-20.10-multistage-cached.txt", succeeded: true));
    }

    /// <summary>
    /// The legacy builder prints its error on the other stream, which may overtake the failing step's header: the
    /// failed step is known, and its line printed, once the builder has exited.
    /// </summary>
    [TestMethod]
    public void Legacy_TheFailedStepsLineComesWhenTheBuilderHasExited()
    {
        AssertLines(new[]
        {
            "[1/10] ARG BASE=containeropt/bookworm-base:1                 DONE 1.0s",
            "[build 2/10] FROM ${BASE} AS build                           DONE 1.0s",
            "[build 3/10] ENV A=1                                         DONE 3.0s",
            "[build 4/10] WORKDIR /src                                    DONE 3.0s",
            "[build 5/10] RUN echo building && echo still building        DONE 5.0s",
            "[test 6/10] FROM build AS test                               DONE 1.0s",
            "[test 7/10] RUN echo testing                                 DONE 4.0s",
            "--",
            "[test 8/10] RUN exit 7                                       ERROR",
        }, Stream(BuilderKind.DockerLegacy, "legacy-20.10-stage-fails.txt", succeeded: false));

        AssertLines(new[]
        {
            "[build 1/6] FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build  DONE 1.0s",
            "[build 2/6] WORKDIR /src                                     DONE 3.0s",
            "[build 3/6] COPY app.csproj .                                DONE 1.0s",
            "[build 4/6] RUN dotnet restore                               DONE 5.0s",
            "[build 5/6] COPY . .                                         DONE 1.0s",
            "--",
            "[build 6/6] RUN dotnet publish -c Release -o /app --no-rest… ERROR",
        }, Stream(BuilderKind.DockerLegacy, "legacy-20.10-compile-fails.txt", succeeded: false));
    }

    [TestMethod]
    public void Podman_EachStepWhenItCommits_UsingCacheIsCached_AndTheErrorNamesTheStep()
    {
        AssertLines(new[]
        {
            "[build 1/4] FROM containeropt/bookworm-base:1 AS build       DONE 1.0s",
            "[build 2/4] WORKDIR /src                                     CACHED",
            "[build 3/4] COPY a.txt .                                     CACHED",
            "[build 4/4] RUN cat a.txt > b.txt                            CACHED",
            "[stage-1 1/3] FROM containeropt/bookworm-base:1              DONE 1.0s",
            "[stage-1 2/3] COPY --from=build /src/b.txt /b.txt            CACHED",
            "[stage-1 3/3] RUN echo hi                                    CACHED",
            "--",
        }, Stream(BuilderKind.Podman, "podman-4.3-multistage-cached.txt", succeeded: true));

        AssertLines(new[]
        {
            "[build 1/4] FROM containeropt/bookworm-base:1 AS build       DONE 1.0s",
            "[build 2/4] ENV A=1                                          DONE 1.0s",
            "[build 3/4] WORKDIR /src                                     DONE 1.0s",
            "[build 4/4] RUN echo building && echo still building         DONE 3.0s",
            "[test 1/3] FROM 20a0506190d335eec8df09b2ea3320491ce29b68aac… DONE 1.0s",
            "[test 2/3] RUN echo testing                                  DONE 2.0s",
            "[test 3/3] RUN exit 7                                        ERROR",
            "--",
        }, Stream(BuilderKind.Podman, "podman-4.3-stage-fails.txt", succeeded: false));
    }

    /// <summary>Every announced step is raised exactly once, whatever repeats the builder prints.</summary>
    [TestMethod]
    [DataRow(BuilderKind.DockerBuildKit, "buildkit-20.10-multistage.txt", true)]
    [DataRow(BuilderKind.DockerBuildKit, "buildkit-20.10-compile-fails.txt", false)]
    [DataRow(BuilderKind.DockerLegacy, "legacy-20.10-restore-fails.txt", false)]
    [DataRow(BuilderKind.Podman, "podman-4.3-multistage.txt", true)]
    [DataRow(BuilderKind.Podman, "podman-4.3-printed-error.txt", false)]
    public void EveryStepIsRaisedOnce(BuilderKind kind, string fixture, bool succeeded)
    {
        BuildOutputParser parser = BuildOutputParser.For(kind);
        var raised = new List<BuildStep>();
        parser.StepFinished += raised.Add;
        parser.AcceptAll(BuilderTestFiles.Fixture(fixture));
        parser.Complete(succeeded);
        CollectionAssert.AreEquivalent(parser.Steps.ToArray(), raised.ToArray());
        Assert.AreEqual(succeeded ? 0 : 1, raised.Count(s => s.Failed));
    }

    [TestMethod]
    public void Format_CutsALongInstructionWithAnEllipsis_AndKeepsThePlatformOfAMultiPlatformBuild()
    {
        BuildOutputParser parser = BuildOutputParser.For(BuilderKind.Buildx);
        var lines = new List<string>();
        parser.StepFinished += step => lines.Add(BuildStepLine.Format(step));
        parser.AcceptAll(
            "#9 [linux/arm64 build 3/7] RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\n" +
            "#9 DONE 12.34s\n" +
            "#10 [linux/amd64 build 3/7] RUN echo x\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\n" +
            "#10 DONE 61s\n");
        AssertLines(new[]
        {
            "[linux/arm64 build 3/7] RUN apt-get update && apt-get insta… DONE 12.3s",
            "[linux/amd64 build 3/7] RUN echo x\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B\U0001F40B…  DONE 61.0s", // the cut does not split a character in two
        }, lines);
        Assert.AreEqual(BuildStepLine.Width + 1 + "DONE 12.3s".Length, lines[0].Length);
    }
}
