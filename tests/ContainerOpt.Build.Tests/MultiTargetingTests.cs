using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// A project that targets several frameworks (issue #16): the generated Dockerfile publishes one framework with -f
/// (ContainerOptTargetFramework, else the newest), its images match it, and the next build's analysis judges the
/// Dockerfile against that framework instead of failing on ContainerOpt's own COPT4001.
/// </summary>
[TestClass]
public sealed class MultiTargetingTests : BuildTestBase
{
    [TestMethod]
    public void The_generated_dockerfile_publishes_the_newest_framework_and_the_next_build_is_clean_of_errors()
    {
        var scratch = new Scratch("multitarget");
        var project = scratch.ConsoleApp("src/Tool", dockerfile: null, frameworks: "net8.0;net10.0");
        string dockerfile = scratch.PathOf("src/Tool/Dockerfile");

        var generate = scratch.Build(project, "-t:ContainerOptGenerate");
        BuildAssert.Succeeded(generate);
        string text = File.ReadAllText(dockerfile);
        StringAssert.Contains(text, "Tool.csproj\" -a $TARGETARCH -p:TargetFramework=net10.0\n");
        StringAssert.Contains(text, " --no-restore -c Release -f net10.0 -a $TARGETARCH -o /app\n");
        StringAssert.Contains(text, "/sdk:10.0 AS build\n");
        StringAssert.Contains(text, "mcr.microsoft.com/dotnet/runtime:10.0");
        StringAssert.Contains(generate.Stdout, "the image publishes net10.0 (the newest; set ContainerOptTargetFramework to choose)");

        var build = scratch.Build(project);
        BuildAssert.Succeeded(build);
        Assert.IsFalse(build.ContainerOptDiagnostics.Any(d => d.Code is "COPT4001" or "COPT4018" or "COPT4002"), build.Describe());
    }

    [TestMethod]
    public void ContainerOptTargetFramework_chooses_the_framework_and_a_publish_without_one_is_reported()
    {
        var scratch = new Scratch("multitarget-chosen");
        var project = scratch.ConsoleApp("src/Tool", dockerfile: null, frameworks: "net8.0;net10.0", properties: "<ContainerOptTargetFramework>net8.0</ContainerOptTargetFramework>");
        var generate = scratch.Build(project, "-t:ContainerOptGenerate");
        BuildAssert.Succeeded(generate);
        string dockerfile = scratch.PathOf("src/Tool/Dockerfile");
        string text = File.ReadAllText(dockerfile);
        StringAssert.Contains(text, " -f net8.0 -a $TARGETARCH -o /app\n");
        StringAssert.Contains(text, "mcr.microsoft.com/dotnet/runtime:8.0");

        // A hand-written publish that names no framework fails in the image (NETSDK1129): an error at its word.
        File.WriteAllText(dockerfile, text.Replace(" -f net8.0", "", StringComparison.Ordinal));
        var build = scratch.Build(project);
        var error = build.ContainerOptDiagnostics.Single(d => d.Code == "COPT4018");
        Assert.AreEqual("error", error.Kind);
        StringAssert.Contains(error.Message, "Add '-f net8.0'.");
    }
}
