using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4011EntrypointWrongAssemblyTests
{
    private const string Base = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app/publish .\n";

    [TestMethod]
    public void A_dll_that_is_not_the_project_output_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            Base + "ENTRYPOINT [\"dotnet\", [|\"OldName.dll\"|]]\n", project: ProjectModels.Web());
        Assert.AreEqual("ENTRYPOINT starts 'OldName.dll', but the project's output is 'Api.dll': the container fails at start. Start 'Api.dll'.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void Shell_form_and_paths_are_understood() =>
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            Base + "ENTRYPOINT exec dotnet [|/app/WrongName.dll|] --urls http://+:8080\n", project: ProjectModels.Web());

    [TestMethod]
    public void Case_matters_on_linux() =>
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(Base + "ENTRYPOINT [\"dotnet\", [|\"api.dll\"|]]\n", project: ProjectModels.Web());

    [TestMethod]
    public void The_dll_may_come_from_cmd_after_a_dotnet_entrypoint()
    {
        var findings = RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            Base + "ENTRYPOINT [\"dotnet\"]\nCMD [[|\"Web.dll\"|]]\n", project: ProjectModels.Web());
        StringAssert.StartsWith(findings[0].Message, "CMD starts 'Web.dll'");
    }

    [TestMethod]
    public void Only_the_command_the_image_runs_counts() =>
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            Base + "CMD [\"dotnet\", \"Old.dll\"]\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n", project: ProjectModels.Web());

    [TestMethod]
    public void The_entrypoint_of_the_base_stage_is_inherited() =>
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nENTRYPOINT [\"dotnet\", [|\"Web.dll\"|]]\nFROM base AS final\nCOPY --from=build /app .\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Assembly_name_from_publish_and_target_name_are_accepted()
    {
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -p:AssemblyName=Service -o /app\n" + Base + "ENTRYPOINT [\"dotnet\", \"Service.dll\"]\n",
            project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(Base + "ENTRYPOINT [\"dotnet\", \"Api.Host.dll\"]\n",
            project: ProjectModels.Web(configure: p => p.TargetName = "Api.Host"));
    }

    [TestMethod]
    public void A_wrong_apphost_in_the_workdir_is_a_warning()
    {
        var findings = RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT [[|\"./OldName\"|]]\n",
            project: ProjectModels.Web(configure: p => p.PublishAot = true));
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
        StringAssert.Contains(findings[0].Message, "the project's output is 'Api'");
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nWORKDIR /app\nENTRYPOINT [[|\"/app/api\"|]]\n", project: ProjectModels.Web());
    }

    [TestMethod]
    public void An_exec_prefix_in_shell_form_is_skipped() =>
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nWORKDIR /app\nENTRYPOINT exec [|./Web|]\n", project: ProjectModels.Web());

    [TestMethod]
    public void Scripts_and_programs_the_dockerfile_names_elsewhere_are_not_apphosts() =>
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY start /app/start\nENTRYPOINT [\"./start\"]\nCMD [\"./entrypoint.sh\"]\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Correct_entrypoints_variables_and_libraries_are_fine()
    {
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(Base + "ENTRYPOINT [\"dotnet\", \"Api.dll\"]\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(Base + "ENTRYPOINT [\"./Api\"]\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(Base + "ENTRYPOINT dotnet $APP.dll\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(Base + "ENTRYPOINT [\"dotnet\", \"Other.dll\"]\n",
            project: ProjectModels.Web(configure: p => p.OutputType = "Library"));
    }

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4011EntrypointWrongAssembly>(Base + "ENTRYPOINT [\"dotnet\", \"Anything.dll\"]\n");
}
