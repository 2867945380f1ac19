using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

/// <summary>Recorded real outputs (docker 20.10, BuildKit and legacy) and hand-written newer forms, read back.</summary>
[TestClass]
public sealed class BuildOutputParserTests
{
    private static BuildOutputParser Parse(BuilderKind kind, string fixture, bool succeeded)
    {
        BuildOutputParser parser = BuildOutputParser.For(kind);
        parser.AcceptAll(BuilderTestFiles.Fixture(fixture));
        parser.Complete(succeeded);
        return parser;
    }

    private static DockerfileModel Model(string dockerfile) =>
        DockerfileModel.Build(DockerfileParser.Parse(BuilderTestFiles.Fixture(dockerfile), dockerfile));

    private static string Describe(IEnumerable<BuildStep> steps) =>
        string.Join("\n", steps.Select(s => $"{s} line={s.DockerfileLine?.ToString() ?? "?"}"));

    private static BuildFailure Failure(BuildOutputParser parser, BuilderKind kind, string dockerfile)
    {
        DockerfileModel model = Model(dockerfile);
        BuildFailure failure = BuildFailureLocator.Locate(parser, model, kind, null, dockerfile, "fallback");
        BuildFailureLocator.MapSteps(parser.Steps, model, kind, null);
        return failure;
    }

    [TestMethod]
    public void BuildKit20_Failure_IsTheThirdInstruction()
    {
        BuildOutputParser parser = Parse(BuilderKind.DockerBuildKit, "buildkit-20.10-fail.txt", succeeded: false);
        Assert.AreEqual("[1/4] FROM docker.io/containeropt/bookworm-base:1 (cached)\n[2/4] RUN echo one\n[3/4] RUN exit 3", string.Join("\n", parser.Steps));
        Assert.AreEqual("executor failed running [/bin/sh -c exit 3]: exit code: 3", parser.ErrorMessage);
        Assert.AreSame(parser.Steps[2], parser.FailedStep);
        Assert.AreEqual(TimeSpan.FromSeconds(0.2), parser.Steps[1].Duration);
        CollectionAssert.AreEqual(new[] { "one" }, parser.Steps[1].OutputTail.ToArray());

        BuildFailure failure = Failure(parser, BuilderKind.DockerBuildKit, "fail.Dockerfile");
        Assert.AreEqual("(3,1,3,11)", failure.Location.ToString());
        Assert.AreEqual("executor failed running [/bin/sh -c exit 3]: exit code: 3", failure.Message);
        Assert.AreEqual("fail.Dockerfile(3,1): error COPT0014: The image build failed at 'RUN exit 3': exit code: 3", failure.Finding.ToCanonicalString());
        Assert.AreEqual("COPT0014", failure.Finding.Code);
    }

    [TestMethod]
    public void Buildx_Failure_UsesTheDockerfileLineItPrints()
    {
        BuildOutputParser parser = Parse(BuilderKind.Buildx, "buildx-fail.txt", succeeded: false);
        Assert.AreEqual(3, parser.ReportedLine);
        Assert.AreEqual("process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3", parser.ErrorMessage);
        Assert.AreEqual("[3/4] RUN exit 3", parser.FailedStep!.ToString());
        BuildFailure failure = Failure(parser, BuilderKind.Buildx, "fail.Dockerfile");
        Assert.AreEqual("(3,1,3,11)", failure.Location.ToString());
    }

    [TestMethod]
    public void BuildKit20_MultiStage_FirstBuildThenAllCached()
    {
        BuildOutputParser first = Parse(BuilderKind.DockerBuildKit, "buildkit-20.10-multistage.txt", succeeded: true);
        Assert.AreEqual("sha256:278090cc30b37c49931a3e3f680dd28cf0c36186ae3c75ce49faeeaa466f19e3", first.ImageId);
        Assert.IsNull(first.FailedStep);
        Assert.IsNull(first.ErrorMessage);
        BuildFailureLocator.MapSteps(first.Steps, Model("multistage.Dockerfile"), BuilderKind.DockerBuildKit, null);
        Assert.AreEqual(
            "[build 1/4] FROM docker.io/containeropt/bookworm-base:1 (cached) line=1\n" +
            "[build 2/4] WORKDIR /src line=2\n" +
            "[build 3/4] COPY a.txt . line=3\n" +
            "[build 4/4] RUN cat a.txt > b.txt line=4\n" +
            "[stage-1 2/3] COPY --from=build /src/b.txt /b.txt line=6\n" +
            "[stage-1 3/3] RUN echo hi line=7",
            Describe(first.Steps));

        BuildOutputParser second = Parse(BuilderKind.DockerBuildKit, "buildkit-20.10-multistage-cached.txt", succeeded: true);
        BuildFailureLocator.MapSteps(second.Steps, Model("multistage.Dockerfile"), BuilderKind.DockerBuildKit, null);
        Assert.AreEqual(
            "[stage-1 1/3] FROM docker.io/containeropt/bookworm-base:1 line=5\n" +
            "[build 4/4] RUN cat a.txt > b.txt (cached) line=4\n" +
            "[build 3/4] COPY a.txt . (cached) line=3\n" +
            "[build 2/4] WORKDIR /src (cached) line=2\n" +
            "[stage-1 2/3] COPY --from=build /src/b.txt /b.txt (cached) line=6\n" +
            "[stage-1 3/3] RUN echo hi (cached) line=7",
            Describe(second.Steps));
        Assert.IsTrue(second.Steps.All(s => s.Completed));
    }

    [TestMethod]
    public void BuildKit20_CountsOnlyFromAddCopyRunWorkdir()
    {
        BuildOutputParser parser = Parse(BuilderKind.DockerBuildKit, "buildkit-20.10-counting.txt", succeeded: false);
        BuildFailure failure = Failure(parser, BuilderKind.DockerBuildKit, "counting.Dockerfile");
        Assert.AreEqual(
            "[1/4] FROM docker.io/containeropt/bookworm-base:1 (cached) line=1\n" +
            "[2/4] RUN echo 1 line=5\n" +
            "[3/4] WORKDIR /x line=7\n" +
            "[4/4] RUN exit 3 line=9",
            Describe(parser.Steps));
        Assert.AreEqual("(9,1,9,11)", failure.Location.ToString());
    }

    [TestMethod]
    public void BuildKit20_StageOnStage_DoesNotCountItsFrom()
    {
        BuildOutputParser parser = Parse(BuilderKind.DockerBuildKit, "buildkit-20.10-stage-fails.txt", succeeded: false);
        BuildFailure failure = Failure(parser, BuilderKind.DockerBuildKit, "stage-fails.Dockerfile");
        Assert.AreEqual("[test 2/2] RUN exit 7", failure.Step!.ToString());
        Assert.AreEqual("(10,1,10,11)", failure.Location.ToString());
        Assert.AreEqual("[build 3/3] RUN echo building     && echo still building line=6", Describe(parser.Steps.Where(s => s.Index == 3)));
        Assert.AreEqual("(6,1,7,27)", parser.Steps.Single(s => s.Index == 3).Location.ToString());
    }

    [TestMethod]
    public void Legacy20_Failure_IsTheThirdInstruction()
    {
        BuildOutputParser parser = Parse(BuilderKind.DockerLegacy, "legacy-20.10-fail.txt", succeeded: false);
        Assert.AreEqual("The command '/bin/sh -c exit 3' returned a non-zero code: 3", parser.ErrorMessage);
        BuildFailure failure = Failure(parser, BuilderKind.DockerLegacy, "fail.Dockerfile");
        Assert.AreEqual("[3/4] RUN exit 3", failure.Step!.ToString());
        Assert.AreEqual("(3,1,3,11)", failure.Location.ToString());
        CollectionAssert.AreEqual(new[] { "one" }, parser.Steps[1].OutputTail.ToArray());
    }

    [TestMethod]
    public void Legacy20_StageFails_CountsEveryInstructionOfTheFile()
    {
        BuildOutputParser parser = Parse(BuilderKind.DockerLegacy, "legacy-20.10-stage-fails.txt", succeeded: false);
        BuildFailure failure = Failure(parser, BuilderKind.DockerLegacy, "stage-fails.Dockerfile");
        Assert.AreEqual("[test 8/10] RUN exit 7", failure.Step!.ToString());
        Assert.AreEqual("(10,1,10,11)", failure.Location.ToString());
        Assert.AreEqual("The command '/bin/sh -c exit 7' returned a non-zero code: 7", failure.Message);
        Assert.AreEqual(
            "[1/10] ARG BASE=containeropt/bookworm-base:1 line=2\n" +
            "[build 2/10] FROM ${BASE} AS build line=3\n" +
            "[build 3/10] ENV A=1 line=4\n" +
            "[build 4/10] WORKDIR /src line=5\n" +
            "[build 5/10] RUN echo building     && echo still building line=6\n" +
            "[test 6/10] FROM build AS test line=8\n" +
            "[test 7/10] RUN echo testing line=9\n" +
            "[test 8/10] RUN exit 7 line=10",
            Describe(parser.Steps));
    }

    [TestMethod]
    public void Legacy20_MultiStage_FirstBuildThenUsingCache()
    {
        BuildOutputParser first = Parse(BuilderKind.DockerLegacy, "legacy-20.10-multistage.txt", succeeded: true);
        Assert.AreEqual("6b7f123d4c2d", first.ImageId);
        Assert.AreEqual(7, first.Steps.Count);
        Assert.IsFalse(first.Steps.Any(s => s.Cached));

        BuildOutputParser second = Parse(BuilderKind.DockerLegacy, "legacy-20.10-multistage-cached.txt", succeeded: true);
        // FROM is never "Using cache"; every other step is.
        CollectionAssert.AreEqual(new[] { false, true, true, true, false, true, true }, second.Steps.Select(s => s.Cached).ToArray());
    }

    [TestMethod]
    public void Legacy_ErrorOnStandardErrorBeforeTheStepHeader_StillNamesTheStep()
    {
        // The two streams race: the error may be read before the last stdout lines.
        BuildOutputParser parser = BuildOutputParser.For(BuilderKind.DockerLegacy);
        parser.Accept("Step 1/3 : FROM containeropt/bookworm-base:1");
        parser.Accept(" ---> 834858fd4e15");
        parser.Accept("Step 2/3 : RUN echo one");
        parser.Accept("The command '/bin/sh -c exit 3' returned a non-zero code: 3", isStandardError: true);
        parser.Accept(" ---> Running in 346c34adc0c2");
        parser.Accept(" ---> 77a52b3faa67");
        parser.Accept("Step 3/3 : RUN exit 3");
        parser.Accept(" ---> Running in be83c68eec01");
        parser.Complete(succeeded: false);
        Assert.AreEqual("[3/3] RUN exit 3", parser.FailedStep!.ToString());
    }

    [TestMethod]
    public void Legacy_ParseError_NamesTheLine()
    {
        BuildOutputParser parser = BuildOutputParser.For(BuilderKind.DockerLegacy);
        parser.Accept("Sending build context to Docker daemon  2.048kB");
        parser.Accept("Error response from daemon: dockerfile parse error line 2: unknown instruction: RUNN", isStandardError: true);
        parser.Complete(succeeded: false);
        Assert.IsNull(parser.FailedStep);
        Assert.AreEqual(2, parser.ReportedLine);
        Assert.AreEqual("dockerfile parse error line 2: unknown instruction: RUNN", parser.ErrorMessage);
    }

    [TestMethod]
    public void BuildKit20_ParseError_NamesTheLine()
    {
        BuildOutputParser parser = BuildOutputParser.For(BuilderKind.DockerBuildKit);
        parser.Accept("#2 DONE 0.0s");
        parser.Accept("failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 2: unknown instruction: RUNN");
        parser.Complete(succeeded: false);
        Assert.AreEqual(2, parser.ReportedLine);
        Assert.AreEqual("failed to create LLB definition: dockerfile parse error line 2: unknown instruction: RUNN", parser.ErrorMessage);
    }

    [TestMethod]
    public void BuildKit_PlatformPrefixAndPaddedNumbers()
    {
        BuildOutputParser parser = BuildOutputParser.For(BuilderKind.Buildx);
        parser.Accept("#7 [linux/arm64 build  3/12] RUN dotnet restore");
        parser.Accept("#8 [linux/amd64->arm64 stage-2 1/2] COPY --from=build /app .");
        parser.Accept("#7 CACHED");
        parser.Accept("#7 [linux/arm64 build  3/12] RUN dotnet restore");
        Assert.AreEqual("[build 3/12] RUN dotnet restore (cached)\n[stage-2 1/2] COPY --from=build /app .", string.Join("\n", parser.Steps));
    }

    [TestMethod]
    public void Podman43_StageFails_FirstBuildThenCached()
    {
        BuildOutputParser parser = Parse(BuilderKind.Podman, "podman-4.3-stage-fails.txt", succeeded: false);
        Assert.AreEqual("while running runtime: exit status 7", parser.ErrorMessage);
        BuildFailure failure = Failure(parser, BuilderKind.Podman, "stage-fails.Dockerfile");
        Assert.AreEqual("(10,1,10,11)", failure.Location.ToString());
        Assert.AreEqual("stage-fails.Dockerfile(10,1): error COPT0014: The image build failed at 'RUN exit 7': while running runtime: exit status 7", failure.Finding.ToCanonicalString());
        Assert.AreEqual(
            "[build 1/4] FROM containeropt/bookworm-base:1 AS build line=3\n" +
            "[build 2/4] ENV A=1 line=4\n" +
            "[build 3/4] WORKDIR /src line=5\n" +
            "[build 4/4] RUN echo building     && echo still building line=6\n" +
            "[test 1/3] FROM 20a0506190d335eec8df09b2ea3320491ce29b68aac2d7ac7d2c804cefa00af6 AS test line=8\n" +
            "[test 2/3] RUN echo testing line=9\n" +
            "[test 3/3] RUN exit 7 line=10",
            Describe(parser.Steps));
        CollectionAssert.AreEqual(new[] { "building", "still building" }, parser.Steps[3].OutputTail.ToArray());

        BuildOutputParser cached = Parse(BuilderKind.Podman, "podman-4.3-stage-fails-cached.txt", succeeded: false);
        Assert.AreEqual("(10,1,10,11)", Failure(cached, BuilderKind.Podman, "stage-fails.Dockerfile").Location.ToString());
        Assert.AreEqual("ENV WORKDIR RUN RUN", string.Join(" ", cached.Steps.Where(s => s.Cached).Select(s => s.Keyword)));
        Assert.IsFalse(cached.Steps[6].Cached);
        Assert.AreSame(cached.Steps[6], cached.FailedStep);
    }

    [TestMethod]
    public void Podman43_Failure_IsTheThirdInstruction()
    {
        BuildOutputParser parser = Parse(BuilderKind.Podman, "podman-4.3-fail.txt", succeeded: false);
        Assert.AreEqual("FROM containeropt/bookworm-base:1\nRUN echo one\nRUN exit 3", string.Join("\n", parser.Steps.Select(s => s.Instruction)));
        CollectionAssert.AreEqual(new[] { "one" }, parser.Steps[1].OutputTail.ToArray());
        BuildFailure failure = Failure(parser, BuilderKind.Podman, "fail.Dockerfile");
        Assert.AreEqual("fail.Dockerfile(3,1): error COPT0014: The image build failed at 'RUN exit 3': while running runtime: exit status 3", failure.Finding.ToCanonicalString());
    }

    [TestMethod]
    public void Podman43_MultiStage_FullImageIdAndNoCommitLinesAsOutput()
    {
        BuildOutputParser first = Parse(BuilderKind.Podman, "podman-4.3-multistage.txt", succeeded: true);
        Assert.AreEqual("49385fff40a93fe32843dc7abc56ccc8c1df8e05918a3259cc0d04807423f466", first.ImageId);
        Assert.IsNull(first.FailedStep);
        BuildFailureLocator.MapSteps(first.Steps, Model("multistage.Dockerfile"), BuilderKind.Podman, null);
        Assert.AreEqual(
            "[build 1/4] FROM containeropt/bookworm-base:1 AS build line=1\n" +
            "[build 2/4] WORKDIR /src line=2\n" +
            "[build 3/4] COPY a.txt . line=3\n" +
            "[build 4/4] RUN cat a.txt > b.txt line=4\n" +
            "[1/3] FROM containeropt/bookworm-base:1 line=5\n" + // an unnamed stage: podman names none
            "[2/3] COPY --from=build /src/b.txt /b.txt line=6\n" +
            "[3/3] RUN echo hi line=7",
            Describe(first.Steps));
        CollectionAssert.AreEqual(new[] { "hi" }, first.Steps[6].OutputTail.ToArray());

        BuildOutputParser second = Parse(BuilderKind.Podman, "podman-4.3-multistage-cached.txt", succeeded: true);
        Assert.AreEqual(first.ImageId, second.ImageId);
        Assert.AreEqual("WORKDIR COPY RUN COPY RUN", string.Join(" ", second.Steps.Where(s => s.Cached).Select(s => s.Keyword)));
        Assert.AreEqual(0, second.Steps.Sum(s => s.OutputTail.Count));
    }
}
