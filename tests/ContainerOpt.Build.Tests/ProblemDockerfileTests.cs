using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Dockerfiles the analysis cannot read or parse, and a named Dockerfile that is not there: a coded
/// COPT error at the exact place, a failed build, and never an MSBuild task crash (MSB4018) or a task
/// that failed without an error (MSB4181).
/// </summary>
[TestClass]
public sealed class ProblemDockerfileTests : BuildTestBase
{
    private static readonly SharedProject Project = SharedProject.Library("problems");

    [TestMethod]
    public void UnknownInstruction_IsErrorCOPT1001_AtTheInstruction()
    {
        var (result, dockerfile) = Build("Dockerfile.unknown", "FROM alpine:3.20\nRUNN echo hi\n");

        BuildAssert.Failed(result);
        BuildAssert.Findings(result, Expected.Error("COPT1001", dockerfile, 2, 1, 2, 5));
    }

    [TestMethod]
    public void UnterminatedHeredoc_IsErrorCOPT1002_AtTheHeredoc()
    {
        var (result, dockerfile) = Build("Dockerfile.heredoc", "FROM alpine:3.20\nRUN <<EOF\necho hi\n");

        BuildAssert.Failed(result);
        BuildAssert.Findings(result, Expected.Error("COPT1002", dockerfile, 2, 1, 2, 10));
    }

    [TestMethod]
    public void NamedDockerfileMissing_IsErrorCOPT0001()
    {
        var (result, missing) = Project.Use("<ContainerOptDockerfile>deploy/Dockerfile</ContainerOptDockerfile>",
            (scratch, project) => (scratch.Build(project, "--no-restore"), scratch.PathOf("problems/deploy/Dockerfile")));

        BuildAssert.Failed(result);
        BuildAssert.Findings(result, Expected.Error("COPT0001", missing, 1, 1, 1, 1));
        StringAssert.Contains(result.ContainerOptDiagnostics[0].Message, missing);
    }

    [TestMethod]
    public void BinaryDockerfile_IsErrorCOPT0003()
    {
        var result = Project.Use("<ContainerOptDockerfile>Dockerfile.bin</ContainerOptDockerfile>", (scratch, project) =>
        {
            var path = scratch.WriteBytes("problems/Dockerfile.bin", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0 });
            return (Result: scratch.Build(project, "--no-restore"), Path: path);
        });

        BuildAssert.Failed(result.Result);
        BuildAssert.Findings(result.Result, Expected.Error("COPT0003", result.Path, 1, 1, 1, 1));
    }

    [TestMethod]
    public void DefaultDockerfileAbsent_IsSilent()
    {
        var result = Project.Use("", (scratch, project) =>
        {
            File.Delete(scratch.PathOf("problems/Dockerfile"));
            return scratch.Build(project, "--no-restore");
        });

        BuildAssert.Succeeded(result);
        BuildAssert.Silent(result);
    }

    [TestMethod]
    public void ContainerOptEnabledFalse_IsSilent_EvenWithABrokenDockerfile()
    {
        var result = Project.Use("<ContainerOptEnabled>false</ContainerOptEnabled>", (scratch, project) =>
        {
            scratch.Write("problems/Dockerfile", Dockerfiles.FinalStage + "RUNN echo hi\n");
            return scratch.Build(project, "--no-restore");
        });

        BuildAssert.Succeeded(result);
        BuildAssert.Silent(result);
    }

    private static (DotnetResult Result, string Dockerfile) Build(string name, string content) =>
        Project.Use($"<ContainerOptDockerfile>{name}</ContainerOptDockerfile>", (scratch, project) =>
        {
            var path = scratch.Write("problems/" + name, content);
            return (scratch.Build(project, "--no-restore"), path);
        });
}
