using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4004DotNetEndOfLifeTests
{
    private static AnalysisOptions On(int year, int month, int day) => new() { Today = new DateTime(year, month, day) };

    [TestMethod]
    public void Versions_past_their_end_of_support_are_reported_without_a_project()
    {
        var findings = RuleVerifier.Verify<COPT4004DotNetEndOfLife>(
            "FROM mcr.microsoft.com/dotnet/sdk:[|6.0|] AS build\nFROM mcr.microsoft.com/dotnet/aspnet:[|7.0-alpine|]\n", options: On(2026, 1, 15));
        Assert.AreEqual("'6.0' is .NET 6.0, out of support since 2024-11-12 and no longer patched: move to 'mcr.microsoft.com/dotnet/sdk:10.0' (.NET 10.0 LTS, supported until 2028-11-14).", findings[0].Message);
        StringAssert.Contains(findings[1].Message, "'mcr.microsoft.com/dotnet/aspnet:10.0-alpine'");
    }

    [TestMethod]
    public void Eight_and_nine_end_on_the_same_day()
    {
        const string text = "FROM mcr.microsoft.com/dotnet/sdk:{0}8.0{1} AS build\nFROM mcr.microsoft.com/dotnet/aspnet:{0}9.0-noble-chiseled{1}\n";
        RuleVerifier.Verify<COPT4004DotNetEndOfLife>(string.Format(text, "", ""), options: On(2026, 11, 10));
        var findings = RuleVerifier.Verify<COPT4004DotNetEndOfLife>(string.Format(text, "[|", "|]"), options: On(2026, 11, 11));
        StringAssert.Contains(findings[1].Message, "is .NET 9.0, out of support since 2026-11-10");
    }

    [TestMethod]
    public void Retired_repositories_are_reported_at_the_repository()
    {
        var findings = RuleVerifier.Verify<COPT4004DotNetEndOfLife>(
            "FROM [|mcr.microsoft.com/dotnet/core/sdk|]:3.1 AS build\nFROM [|microsoft/aspnetcore|]:2.0\nFROM [|microsoft/dotnet|]:2.1-runtime-deps\n", options: On(2026, 1, 15));
        Assert.AreEqual("'mcr.microsoft.com/dotnet/core/sdk' is a retired repository that only holds .NET 3.1, out of support since 2022-12-13: use 'mcr.microsoft.com/dotnet/sdk:10.0' (.NET 10.0 LTS, supported until 2028-11-14).", findings[0].Message);
        StringAssert.Contains(findings[1].Message, "'mcr.microsoft.com/dotnet/aspnet:10.0'");
        StringAssert.Contains(findings[2].Message, "'mcr.microsoft.com/dotnet/runtime-deps:10.0'");
    }

    [TestMethod]
    public void Preview_tags_of_a_shipped_version_are_reported()
    {
        RuleVerifier.Verify<COPT4004DotNetEndOfLife>("FROM mcr.microsoft.com/dotnet/sdk:10.0-preview\n", options: On(2025, 9, 1));
        var findings = RuleVerifier.Verify<COPT4004DotNetEndOfLife>(
            "FROM mcr.microsoft.com/dotnet/sdk:[|10.0.100-rc.2-noble|]\n", options: On(2026, 1, 15));
        StringAssert.Contains(findings[0].Message, "use the released tag 'mcr.microsoft.com/dotnet/sdk:10.0-noble'");
    }

    [TestMethod]
    public void The_date_defaults_to_today()
    {
        // 6.0 ended in 2024: whatever day the test runs, it is out of support.
        RuleVerifier.Verify<COPT4004DotNetEndOfLife>("FROM mcr.microsoft.com/dotnet/runtime:[|6.0|]\n");
    }

    [TestMethod]
    public void Supported_untagged_arg_built_and_foreign_images_are_fine() =>
        RuleVerifier.Verify<COPT4004DotNetEndOfLife>(
            "ARG TAG\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet AS latest\nFROM mcr.microsoft.com/dotnet/aspnet:$TAG AS unknown\nFROM node:12 AS node\nFROM mcr.microsoft.com/dotnet/framework/runtime:3.5\n",
            options: On(2026, 1, 15));

    [TestMethod]
    public void Suggestions_drop_distribution_releases_that_do_not_carry_over()
    {
        var findings = RuleVerifier.Verify<COPT4004DotNetEndOfLife>(
            "FROM mcr.microsoft.com/dotnet/aspnet:[|6.0-jammy-chiseled-extra|]\n", options: On(2026, 1, 15));
        StringAssert.Contains(findings[0].Message, "'mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra'");
    }

    [TestMethod]
    [DataRow("aspnet:3.1-nanoserver-1809", "aspnet:10.0-nanoserver-ltsc2022")]
    [DataRow("sdk:8.0-nanoserver-ltsc2025", "sdk:10.0-nanoserver-ltsc2025")]
    [DataRow("runtime:5.0.201-nanoserver-20H2", "runtime:10.0-nanoserver-ltsc2022")]
    [DataRow("aspnet:6.0-windowsservercore-ltsc2022", "aspnet:10.0-windowsservercore-ltsc2022")]
    [DataRow("sdk:9.0-windowsservercore-ltsc2019", "sdk:10.0-windowsservercore-ltsc2022")]
    public void Suggestions_keep_the_windows_flavour(string from, string to)
    {
        var findings = RuleVerifier.Run<COPT4004DotNetEndOfLife>($"FROM mcr.microsoft.com/dotnet/{from}\n", options: On(2026, 12, 7));
        StringAssert.Contains(findings[0].Message, $"move to 'mcr.microsoft.com/dotnet/{to}' (.NET 10.0 LTS, supported until 2028-11-14)");
    }

    [TestMethod]
    public void One_finding_per_version_names_the_other_froms()
    {
        var findings = RuleVerifier.Verify<COPT4004DotNetEndOfLife>(
            "FROM mcr.microsoft.com/dotnet/aspnet:[|6.0|] AS base\nFROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\nRUN dotnet publish -o /app\n"
            + "FROM mcr.microsoft.com/dotnet/sdk:[|7.0|] AS tools\nFROM base\nCOPY --from=build /app /app\nFROM mcr.microsoft.com/dotnet/runtime:6.0 AS worker\n",
            options: new AnalysisOptions { Today = new DateTime(2026, 12, 1) });
        StringAssert.EndsWith(findings[0].Message, "; the same for the FROM on lines 2 and 7.");
        StringAssert.EndsWith(findings[1].Message, "supported until 2028-11-14).");
    }
}
