using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4019RestoreInputsOutsideContextTests
{
    /// <summary>The project folder is the context (/repo/src/Api); Core and the root props files are above it, in /repo.</summary>
    private static ProjectModel ProjectFolderContext() => ProjectModels.Web(configure: p =>
    {
        p.ProjectPath = "/repo/src/Api/Api.csproj";
        p.ProjectReferences = new[] { "/repo/src/Core/Core.csproj" };
        p.RestoreInputs = new[] { "/repo/Directory.Build.props", "/repo/Directory.Packages.props" };
    });

    private const string ProjectFolder = "/repo/src/Api";

    [TestMethod]
    public void A_copy_of_the_whole_context_before_a_publish_names_every_input_outside_and_the_folder_that_holds_them()
    {
        var findings = RuleVerifier.Verify<COPT4019RestoreInputsOutsideContext>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [|.|] .\nRUN dotnet publish -c Release -o /app\n",
            project: ProjectFolderContext(), contextFiles: new ListedContextFiles("Api.csproj", "Program.cs"), contextOrigin: ContextOrigin.Assumed,
            contextDirectory: ProjectFolder);
        Assert.AreEqual(
            "'../Core/Core.csproj', '../../Directory.Build.props' and '../../Directory.Packages.props' are outside the build context '/repo/src/Api' (the Dockerfile's folder, which ContainerOpt assumes when nothing names another): "
            + "no COPY can reach them, so 'dotnet publish' in the image fails or builds differently from your build. Build with the context '/repo' (set ContainerOptContext, or Visual Studio's DockerfileContext, and docker build from there) and copy them before the restore.",
            findings[0].Message);
    }

    [TestMethod]
    public void Without_a_copy_of_the_whole_context_the_restore_is_reported_and_the_folder_is_the_common_one()
    {
        var project = ProjectModels.Web(configure: p =>
        {
            p.ProjectPath = "/repo/src/Api/Api.csproj";
            p.RestoreInputs = new[] { "/repo/Directory.Packages.props" };
        });
        var findings = RuleVerifier.Verify<COPT4019RestoreInputsOutsideContext>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY Api.csproj .\nRUN dotnet [|restore|]\n",
            project: project, contextDirectory: "/repo/src/Api", contextFiles: new ListedContextFiles("Api.csproj"));
        StringAssert.StartsWith(findings[0].Message, "'../../Directory.Packages.props' is outside the build context '/repo/src/Api': no COPY can reach it, so 'dotnet restore'");
        StringAssert.Contains(findings[0].Message, "Build with the context '/repo' (");
    }

    [TestMethod]
    public void Nothing_restored_inputs_inside_or_a_context_written_for_another_folder_are_silent()
    {
        // An image of output published outside docker restores nothing.
        RuleVerifier.Verify<COPT4019RestoreInputsOutsideContext>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY . /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n",
            project: ProjectFolderContext(), contextFiles: new ListedContextFiles("Api.csproj"), contextDirectory: ProjectFolder);
        // A publish that does not restore.
        RuleVerifier.Verify<COPT4019RestoreInputsOutsideContext>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet publish --no-restore -o /app\n",
            project: ProjectFolderContext(), contextFiles: new ListedContextFiles("Api.csproj"), contextDirectory: ProjectFolder);
        // Every input inside the context.
        RuleVerifier.Verify<COPT4019RestoreInputsOutsideContext>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet publish -o /app\n",
            project: ProjectModels.Web(configure: p => p.RestoreInputs = new[] { "/context/Directory.Build.props" }), contextFiles: new ListedContextFiles("Api.csproj"));
        // A restore input neither in the project's folder nor above it is the machine's (a NuGet.config given with
        // RestoreConfigFile), even when it shares a folder with the context.
        RuleVerifier.Verify<COPT4019RestoreInputsOutsideContext>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet publish -o /app\n",
            project: ProjectModels.Web(configure: p =>
            {
                p.ProjectPath = "/tmp/work/Api/Api.csproj";
                p.RestoreInputs = new[] { "/tmp/ci/nuget.config", "/home/ci/nuget.config" };
            }), contextFiles: new ListedContextFiles("Api.csproj"), contextDirectory: "/tmp/work/Api");
        // Paths copied that the context lacks: COPT1204's finding, not this one.
        RuleVerifier.Verify<COPT4019RestoreInputsOutsideContext>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet restore src/Api/Api.csproj\n",
            project: ProjectFolderContext(), contextFiles: new ListedContextFiles("Api.csproj"), contextDirectory: ProjectFolder);
    }
}
