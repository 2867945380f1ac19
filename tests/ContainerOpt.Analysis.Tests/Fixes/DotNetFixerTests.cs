using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Analysis.Tests.Rules.DotNet;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>Exact before/after of the .NET fixers, which write what the project says.</summary>
[TestClass]
public sealed class DotNetFixerTests
{
    private const string Context = ProjectModels.Context;

    // ---- COPT4001, COPT4002: the images.

    [TestMethod]
    public void The_sdk_and_runtime_tags_follow_the_target_framework() =>
        FixVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\nRUN dotnet publish -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nCOPY --from=build /app /app\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\nCOPY --from=build /app /app\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void A_tag_from_an_arg_or_a_digest_is_left()
    {
        FixVerifier.Unchanged<COPT4001DotNetVersionMismatch>(
            "ARG V=6.0\nFROM mcr.microsoft.com/dotnet/sdk:${V}\nRUN dotnet publish -o /app\n", project: ProjectModels.Web());
        FixVerifier.Unchanged<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:6.0@sha256:0000000000000000000000000000000000000000000000000000000000000000\nRUN dotnet publish -o /app\n",
            project: ProjectModels.Web());
    }

    [TestMethod]
    public void The_final_image_becomes_the_kind_the_app_needs() =>
        FixVerifier.Verify<COPT4002WrongDotNetImageKind>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/runtime:10.0\nCOPY --from=build /app .\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build /app .\n",
            project: ProjectModels.Web());

    // ---- COPT4003: the SDK in the final stage.

    [TestMethod]
    public void A_final_stage_on_the_sdk_becomes_a_build_stage_and_a_runtime_stage() =>
        FixVerifier.Verify<COPT4003SdkInFinalStage>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nENV DOTNET_gcServer=0\nCOPY . .\nRUN dotnet publish -o out\n\n# start it\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"out/Api.dll\"]\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /app\nENV DOTNET_gcServer=0\nCOPY . .\nRUN dotnet publish -o out\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app/out .\nENV DOTNET_gcServer=0\n\n# start it\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void A_named_sdk_stage_keeps_its_name_and_crlf_stays() =>
        FixVerifier.Verify<COPT4003SdkInFinalStage>(
            "from mcr.microsoft.com/dotnet/sdk:10.0 as app\r\nrun dotnet publish -c Release -o /out\r\ncmd [\"dotnet\", \"/out/Tool.dll\"]",
            "from mcr.microsoft.com/dotnet/sdk:10.0 as app\r\nrun dotnet publish -c Release -o /out\r\nfrom mcr.microsoft.com/dotnet/runtime:10.0\r\nworkdir /app\r\ncopy --from=app /out .\r\ncmd [\"dotnet\", \"Tool.dll\"]",
            project: ProjectModels.Console());

    [TestMethod]
    public void A_final_sdk_stage_that_does_more_after_the_publish_is_left()
    {
        FixVerifier.Unchanged<COPT4003SdkInFinalStage>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nRUN dotnet publish -o out\nRUN apt-get update\nENTRYPOINT [\"dotnet\", \"out/Api.dll\"]\n", project: ProjectModels.Web());
        FixVerifier.Unchanged<COPT4003SdkInFinalStage>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nRUN dotnet publish -o out\nENTRYPOINT dotnet out/Api.dll\n", project: ProjectModels.Web());
        FixVerifier.Unchanged<COPT4003SdkInFinalStage>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -o out\nENTRYPOINT [\"dotnet\", \"out/Api.dll\"]\n", project: ProjectModels.Web());
    }

    // ---- COPT4011: the assembly.

    [TestMethod]
    public void The_entrypoint_starts_the_project_s_output()
    {
        FixVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"out/WrongName.dll\"]\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"out/Api.dll\"]\n", project: ProjectModels.Web());
        FixVerifier.Verify<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\r\nENTRYPOINT dotnet \\\r\n    /app/api.dll --urls http://+:8080\r\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\r\nENTRYPOINT dotnet \\\r\n    /app/Api.dll --urls http://+:8080\r\n", project: ProjectModels.Web());
    }

    [TestMethod]
    public void An_apphost_that_differs_in_more_than_case_is_left_it_may_be_a_script() =>
        FixVerifier.Unchanged<COPT4011EntrypointWrongAssembly>(
            "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nWORKDIR /app\nENTRYPOINT [\"./Service\"]\n",
            project: ProjectModels.Web(configure: p => p.PublishAot = true));

    // ---- COPT4009: --no-restore.

    [TestMethod]
    public void Publish_after_restore_gets_no_restore() =>
        FixVerifier.Verify<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore -r linux-x64\nRUN dotnet publish \\\n    -c Release -r linux-x64 -o /app\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore -r linux-x64\nRUN dotnet publish --no-restore \\\n    -c Release -r linux-x64 -o /app\n");

    [TestMethod]
    public void A_publish_for_another_runtime_or_project_than_the_restore_s_is_left()
    {
        FixVerifier.Unchanged<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nRUN dotnet publish -c Release -r linux-musl-x64 -o /app\n");
        FixVerifier.Unchanged<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore src/Api/Api.csproj\nRUN dotnet publish App.sln -o /app\n");
        FixVerifier.Unchanged<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nWORKDIR /src/Api\nRUN dotnet publish -o /app\n");
        FixVerifier.Verify<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore App.sln\nRUN dotnet publish src/Api/Api.csproj -o /app\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore App.sln\nRUN dotnet publish --no-restore src/Api/Api.csproj -o /app\n");
    }

    // ---- COPT4013: USER $APP_UID.

    [TestMethod]
    public void The_final_stage_runs_as_app_after_its_last_run()
    {
        FixVerifier.Verify<COPT4013NonRootUserMissing>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app /app\n# the app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app /app\nUSER $APP_UID\n# the app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n",
            project: ProjectModels.Web());
        FixVerifier.Verify<COPT4013NonRootUserMissing>(
            "from mcr.microsoft.com/dotnet/runtime:10.0\r\ncopy app /app",
            "from mcr.microsoft.com/dotnet/runtime:10.0\r\ncopy app /app\r\nuser $APP_UID", project: ProjectModels.Console());
    }

    // ---- COPT4012: EXPOSE.

    [TestMethod]
    public void Expose_names_the_ports_the_app_listens_on()
    {
        FixVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 80\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n", project: ProjectModels.Web());
        FixVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:5000\nEXPOSE 80 443\nEXPOSE 5000\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:5000\nEXPOSE 5000\n", project: ProjectModels.Web());
        FixVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=8080\nEXPOSE 8080 80\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=8080\nEXPOSE 8080\n", project: ProjectModels.Web());
    }

    // ---- COPT4005, COPT4006: the restore layer.

    private static Core.Projects.ProjectModel ApiAtRoot(params string[] restoreInputs) =>
        ProjectModels.Web(configure: p =>
        {
            p.ProjectPath = Context + "/Api.csproj";
            p.RestoreInputs = restoreInputs.Select(i => Context + "/" + i).ToArray();
        });

    [TestMethod]
    public void The_broad_copy_moves_after_the_restore_with_its_comment_and_the_inputs_come_first() =>
        FixVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\n# everything\nCOPY --chown=app . .\nRUN dotnet restore\nRUN dotnet publish -o out\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY --chown=app Api.csproj nuget.config ./\nRUN dotnet restore\n# everything\nCOPY --chown=app . .\nRUN dotnet publish -o out\n",
            project: ApiAtRoot("nuget.config"));

    [TestMethod]
    public void Project_folders_are_kept_and_the_named_project_is_found() =>
        FixVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\r\nWORKDIR /src\r\nCOPY . .\r\nRUN dotnet restore src/Api/Api.csproj\r\nRUN dotnet publish src/Api/Api.csproj -o /app\r\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\r\nWORKDIR /src\r\nCOPY src/Api/Api.csproj src/Api/\r\nCOPY Directory.Packages.props ./\r\nRUN dotnet restore src/Api/Api.csproj\r\nCOPY . .\r\nRUN dotnet publish src/Api/Api.csproj -o /app\r\n",
            project: ProjectModels.Web(configure: p => p.RestoreInputs = new[] { Context + "/Directory.Packages.props" }));

    [TestMethod]
    public void The_broad_copy_stays_when_the_restore_would_not_find_the_project()
    {
        // A restore without a project in /src: before, it found the project (a solution, perhaps) in the copied context.
        FixVerifier.Unchanged<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\n", project: ProjectModels.Web());
        // Something between them may need the sources.
        FixVerifier.Unchanged<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN ./prepare.sh\nRUN dotnet restore\n", project: ApiAtRoot());
        // The restore's RUN builds too.
        FixVerifier.Unchanged<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet restore && dotnet publish -o out\n", project: ApiAtRoot());
    }

    [TestMethod]
    public void The_missing_inputs_are_copied_where_the_project_s_copy_puts_the_context() =>
        FixVerifier.Verify<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY [\"src/Api/Api.csproj\", \"src/Api/\"]\nRUN dotnet restore src/Api/Api.csproj\nCOPY . .\n",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY [\"src/Api/Api.csproj\", \"src/Api/\"]\nCOPY src/Lib/Lib.csproj src/Lib/\nCOPY Directory.Build.props Directory.Packages.props ./\nRUN dotnet restore src/Api/Api.csproj\nCOPY . .\n",
            project: ProjectModels.Web(configure: p =>
            {
                p.ProjectReferences = new[] { Context + "/src/Lib/Lib.csproj" };
                p.RestoreInputs = new[] { Context + "/Directory.Build.props", Context + "/Directory.Packages.props" };
            }));

    [TestMethod]
    public void A_flattened_project_copy_gets_only_the_inputs_of_its_own_folder() =>
        FixVerifier.Unchanged<COPT4006RestoreInputsMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY src/Api/Api.csproj .\nRUN dotnet restore\nCOPY . .\n",
            project: ProjectModels.Web(configure: p => p.RestoreInputs = new[] { Context + "/Directory.Packages.props" }));
}
