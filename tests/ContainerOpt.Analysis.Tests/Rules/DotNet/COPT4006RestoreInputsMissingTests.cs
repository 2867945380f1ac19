using ContainerOpt.Core.Projects;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4006RestoreInputsMissingTests
{
    private static ProjectModel Solution() => ProjectModels.Web(configure: p =>
    {
        p.ProjectReferences = new[] { "/context/src/Domain/Domain.csproj", "/context/src/Infrastructure/Infrastructure.csproj" };
        p.RestoreInputs = new[] { "/context/Directory.Build.props", "/context/Directory.Packages.props", "/context/NuGet.config", "/context/global.json" };
        p.ManagePackageVersionsCentrally = true;
    });

    [TestMethod]
    public void Missing_project_references_and_restore_inputs_are_listed()
    {
        var findings = RuleVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY src/Api/Api.csproj src/Api/\nCOPY src/Domain/Domain.csproj src/Domain/\nCOPY Directory.Build.props global.json ./\nRUN dotnet [|restore|] src/Api/Api.csproj\n",
            project: Solution());
        Assert.AreEqual("'dotnet restore' runs before 'src/Infrastructure/Infrastructure.csproj', 'Directory.Packages.props', 'NuGet.config' are copied: the restore fails or differs from the real build. COPY them before it.", findings[0].Message);
    }

    [TestMethod]
    public void Globs_folders_and_earlier_stages_count_as_copies() =>
        RuleVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS base\nCOPY [\"*.props\", \"NuGet.config\", \"global.json\", \"./\"]\nFROM base AS build\nCOPY src/*/*.csproj /tmp/\nRUN dotnet restore\n",
            project: Solution());

    [TestMethod]
    public void A_single_missing_file_reads_in_the_singular()
    {
        var findings = RuleVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY src/ src/\nCOPY Directory.Build.props Directory.Packages.props global.json ./\nRUN dotnet [|restore|] src/Api\n",
            project: Solution());
        StringAssert.StartsWith(findings[0].Message, "'dotnet restore' runs before 'NuGet.config' is copied");
        StringAssert.EndsWith(findings[0].Message, "COPY it before it.");
    }

    [TestMethod]
    public void Files_the_dockerignore_excludes_are_missing() =>
        RuleVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet [|restore|]\n",
            dockerIgnore: "**/NuGet.config\n", project: Solution());

    [TestMethod]
    public void A_bind_mount_of_the_context_on_the_restore_counts() =>
        RuleVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN --mount=type=bind,target=/src dotnet restore /src/src/Api\n",
            project: Solution());

    [TestMethod]
    public void Files_outside_the_context_are_not_checked() =>
        RuleVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet restore src/Api\n",
            project: ProjectModels.Web(configure: p => p.RestoreInputs = new[] { "/elsewhere/Directory.Build.props", "/contextual/global.json" }));

    [TestMethod]
    public void Only_an_explicit_restore_is_checked() =>
        RuleVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet tool restore && dotnet publish src/Api -c Release\n",
            project: Solution());

    [TestMethod]
    public void Without_a_project_or_a_context_it_is_silent()
    {
        RuleVerifier.Verify<COPT4006RestoreInputsMissing>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\n");
        RuleVerifier.Verify<COPT4006RestoreInputsMissing>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\n", project: Solution(), contextKnown: false);
    }
}
