using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

/// <summary>The SHELL each RUN runs under: where a stage's shell comes from.</summary>
[TestClass]
public sealed class RunScriptsTests
{
    /// <summary>The shell program of each RUN's command line, in file order.</summary>
    internal static string[] ShellsOfRuns(string dockerfile) =>
        new DockerfileFacts(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(dockerfile, "Dockerfile"))))
            .RunScripts.Where(s => s.Heredoc is null).Select(s => string.Join(" ", s.Shell.Arguments)).ToArray();

    [TestMethod]
    public void A_stage_built_on_a_stage_starts_with_the_shell_that_stage_ended_with()
    {
        CollectionAssert.AreEqual(
            new[] { "/bin/bash -o pipefail -c", "/bin/bash -o pipefail -c", "/bin/bash -o pipefail -c", "/bin/sh -c" },
            ShellsOfRuns("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN true\n"
                + "FROM base AS app\nRUN true\nFROM app\nRUN true\nFROM debian:12\nRUN true\n"));
    }

    [TestMethod]
    public void The_shell_a_stage_inherits_is_the_last_one_of_its_base_stage_not_the_first()
    {
        CollectionAssert.AreEqual(new[] { "pwsh -c", "cmd /S /C" },
            ShellsOfRuns("FROM mcr.microsoft.com/powershell:latest AS base\nSHELL [\"pwsh\", \"-c\"]\nRUN Write-Host one\n"
                + "SHELL [\"cmd\", \"/S\", \"/C\"]\nFROM base\nRUN echo two\n"));
    }

    [TestMethod]
    public void The_file_shell_pragma_gives_a_stage_on_an_image_its_shell_and_a_base_stage_s_SHELL_wins_over_it()
    {
        CollectionAssert.AreEqual(new[] { "pwsh", "/bin/bash -c" },
            ShellsOfRuns("# hadolint shell=pwsh\nFROM debian:12 AS base\nRUN Write-Host one\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nRUN echo two\n"));
    }
}
