using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Projects set up by Visual Studio's container tools name their Dockerfile and build context with
/// DockerfileFile and DockerfileContext (relative to the project); ContainerOpt analyses that file
/// in that context unless ContainerOptDockerfile / ContainerOptContext say otherwise.
/// </summary>
[TestClass]
public sealed class VisualStudioContainerToolsTests : BuildTestBase
{
    private static readonly SharedProject Project = SharedProject.Library("vstools");

    [TestMethod]
    public void DockerfileFileInASubfolder_IsTheFileAnalysed()
    {
        var (result, named) = Project.Use(
            "<DockerfileFile>docker/Dockerfile.prod</DockerfileFile><DockerfileContext>..</DockerfileContext>",
            (scratch, project) =>
            {
                // The default Dockerfile beside the project has a different finding: it must not be read.
                scratch.Write("vstools/Dockerfile", Dockerfiles.Stage("Other"));
                var path = scratch.Write("vstools/docker/Dockerfile.prod", Dockerfiles.FinalStage);
                return (scratch.Build(project, "--no-restore"), path);
            });

        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result, Expected.Warning("COPT1100", named, 1, 21, 1, 26));
    }

    [TestMethod]
    public void DockerfileContext_IsTheContextUsed()
    {
        var (result, context) = Project.Use(
            "<DockerfileFile>docker/Dockerfile.prod</DockerfileFile><DockerfileContext>../no-such-context</DockerfileContext>",
            (scratch, project) =>
            {
                scratch.Write("vstools/docker/Dockerfile.prod", Dockerfiles.FinalStage);
                return (scratch.Build(project, "--no-restore"), scratch.PathOf("no-such-context"));
            });

        // The context is resolved against the project folder and checked: a folder that is not there is a configuration error.
        BuildAssert.Failed(result);
        var error = result.ContainerOptDiagnostics.Single();
        Assert.AreEqual("COPT0005", error.Code, result.Describe());
        StringAssert.Contains(error.Message, context);
    }

    [TestMethod]
    public void DockerfileFileSetInDirectoryBuildTargets_IsHonoured()
    {
        // Directory.Build.targets is imported after the package's targets: the defaults must be computed
        // when the target runs, not when the package's targets file is evaluated.
        var (result, named) = Project.Use("", (scratch, project) =>
        {
            scratch.Write("vstools/Dockerfile", Dockerfiles.Stage("Other"));
            var path = scratch.Write("vstools/docker/Dockerfile.prod", Dockerfiles.FinalStage);
            var targets = scratch.Write("Directory.Build.targets",
                "<Project>\n  <PropertyGroup>\n    <DockerfileFile>docker/Dockerfile.prod</DockerfileFile>\n  </PropertyGroup>\n</Project>\n");
            try
            {
                return (scratch.Build(project, "--no-restore"), path);
            }
            finally
            {
                File.Delete(targets);
            }
        });

        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result, Expected.Warning("COPT1100", named, 1, 21, 1, 26));
    }

    [TestMethod]
    public void ContainerOptDockerfile_WinsOverDockerfileFile()
    {
        var (result, named) = Project.Use(
            "<DockerfileFile>docker/Dockerfile.prod</DockerfileFile><ContainerOptDockerfile>Dockerfile.ours</ContainerOptDockerfile>",
            (scratch, project) =>
            {
                scratch.Write("vstools/docker/Dockerfile.prod", Dockerfiles.Stage("Other"));
                var path = scratch.Write("vstools/Dockerfile.ours", Dockerfiles.FinalStage);
                return (scratch.Build(project, "--no-restore"), path);
            });

        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result, Expected.Warning("COPT1100", named, 1, 21, 1, 26));
    }
}
