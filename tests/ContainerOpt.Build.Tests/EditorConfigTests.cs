using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// A .NET team's .editorconfig and .globalconfig configure ContainerOpt's findings in <c>dotnet build</c> as they
/// configure the compiler's: one root .editorconfig for a monorepo, with sections per folder; the project's global
/// files; NoWarn above them; an edit to the file is seen by the next incremental build, and a build with nothing
/// changed re-logs the same findings from the cache.
/// </summary>
[TestClass]
public sealed class EditorConfigTests : BuildTestBase
{
    /// <summary>
    /// COPT1100 at (1,21)-(1,26), COPT1107 (MAINTAINER, DL4000) at (2,1)-(2,11), COPT3004 (apk cache, DL3019) at (3,5)-(3,8);
    /// an application (a command, a stage not named like a build stage), so the cache is a warning.
    /// </summary>
    private const string Dockerfile = "FROM alpine:3.20 AS Final\nMAINTAINER me\nRUN apk add curl=8.9.1-r0\nCMD [\"curl\", \"--version\"]\n";

    [TestMethod]
    public void A_root_editorconfig_turns_a_rule_off_in_one_project_and_to_error_in_another_and_an_edit_changes_the_next_build()
    {
        var scratch = new Scratch("editorconfig-monorepo");
        scratch.OwnRepository(optIn: true);
        const string editorConfig = """
            root = true

            [*]
            indent_style = space
            dotnet_diagnostic.DL4000.severity = suggestion

            [**/Dockerfile]
            dotnet_analyzer_diagnostic.category-SizeAndCache.severity = error

            [src/Api/**]
            dotnet_diagnostic.StageNameCasing.severity = none
            dotnet_diagnostic.package-cache-left.severity = warning

            [src/Worker/**]
            dotnet_diagnostic.COPT1100.severity = error

            """;
        scratch.Write(".editorconfig", editorConfig);
        var api = scratch.Library("src/Api", Dockerfile, reference: false);
        var worker = scratch.Library("src/Worker", Dockerfile, reference: false);
        var sln = scratch.Solution("Mono", api, worker);
        string apiDockerfile = scratch.PathOf("src/Api/Dockerfile"), workerDockerfile = scratch.PathOf("src/Worker/Dockerfile");

        // Api: StageNameCasing off, MAINTAINER a suggestion, the apk cache a warning (its rule's entry beats its category's).
        // Worker: COPT1100 an error, the apk cache an error (the category's entry), MAINTAINER a suggestion.
        var first = scratch.Build(sln);
        BuildAssert.Failed(first);
        BuildAssert.Findings(first,
            Expected.Warning("COPT3004", apiDockerfile, 3, 5, 3, 8, api),
            Expected.Error("COPT1100", workerDockerfile, 1, 21, 1, 26, worker),
            Expected.Error("COPT3004", workerDockerfile, 3, 5, 3, 8, worker));

        // The team relaxes the Dockerfiles' cache rule to a warning and switches StageNameCasing off for the worker too.
        scratch.Write(".editorconfig", editorConfig
            .Replace("category-SizeAndCache.severity = error", "category-SizeAndCache.severity = warning")
            .Replace("dotnet_diagnostic.COPT1100.severity = error", "dotnet_diagnostic.COPT1100.severity = none"));
        var edited = scratch.Build(sln, "--no-restore", "-v:d");
        BuildAssert.Succeeded(edited);
        BuildAssert.Findings(edited,
            Expected.Warning("COPT3004", apiDockerfile, 3, 5, 3, 8, api),
            Expected.Warning("COPT3004", workerDockerfile, 3, 5, 3, 8, worker));
        Assert.IsFalse(edited.Stdout.Contains("re-logged from", StringComparison.Ordinal), "an edited .editorconfig must be analysed again");

        // Nothing changed: the same warnings, from the cache in obj/.
        var unchanged = scratch.Build(sln, "--no-restore", "-v:d");
        BuildAssert.Succeeded(unchanged);
        BuildAssert.Findings(unchanged,
            Expected.Warning("COPT3004", apiDockerfile, 3, 5, 3, 8, api),
            Expected.Warning("COPT3004", workerDockerfile, 3, 5, 3, 8, worker));
        StringAssert.Contains(unchanged.Stdout, $"ContainerOpt: {apiDockerfile} unchanged; 2 finding(s) re-logged from");
        StringAssert.Contains(unchanged.Stdout, $"ContainerOpt: {workerDockerfile} unchanged; 2 finding(s) re-logged from");
    }

    [TestMethod]
    public void The_repositorys_globalconfig_and_a_global_file_the_props_add_apply_and_NoWarn_stays_above_them()
    {
        var scratch = new Scratch("globalconfig");
        scratch.OwnRepository(optIn: true);
        scratch.Write(".editorconfig", "root = true\n");
        scratch.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.COPT1100.severity = error\n");
        // A category of ContainerOpt's only: an entry for every rule would reach the compiler's analyzers of Class1.cs too.
        scratch.Write("build/company.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-Correctness.severity = error\n");
        scratch.Write("Directory.Build.targets",
            "<Project>\n  <ItemGroup>\n    <GlobalAnalyzerConfigFiles Include=\"$(MSBuildThisFileDirectory)build/company.globalconfig\" />\n  </ItemGroup>\n</Project>\n");
        var project = scratch.Library("src/App", Dockerfile, properties: "<NoWarn>$(NoWarn);DL3019</NoWarn>", reference: false);
        string dockerfile = scratch.PathOf("src/App/Dockerfile");

        var result = scratch.Build(project);

        // COPT1100 from .globalconfig, COPT1107 from the company file's Correctness entry; COPT3004 (DL3019) silenced by NoWarn.
        BuildAssert.Failed(result);
        BuildAssert.Findings(result,
            Expected.Error("COPT1100", dockerfile, 1, 21, 1, 26),
            Expected.Error("COPT1107", dockerfile, 2, 1, 2, 11));
    }
}
