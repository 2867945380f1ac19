using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

/// <summary>The .NET rules never throw (a throw becomes COPT0009) on odd Dockerfiles or odd projects.</summary>
[TestClass]
public sealed class DotNetRulesRobustnessTests
{
    private static readonly string[] OddFiles =
    {
        "",
        "FROM\n",
        "FROM mcr.microsoft.com/dotnet/sdk:99999999999.0-alpine\nRUN dotnet\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:${V:-8.0\nEXPOSE 99999 abc -1 80-\n",
        "FROM mcr.microsoft.com/dotnet/:8.0@sha256:\nFROM mcr.microsoft.com/dotnet/core/\nFROM microsoft/dotnet\nFROM microsoft/dotnet:-\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS b\nCOPY [\"[\", \"a[!\", \"**\", \"../..\", \"/\"]\nCOPY <<EOF /x\nhi\nEOF\nRUN dotnet restore -p: -c && dotnet publish -f -r --self-contained \"\" /p: -p:=x;;\n",
        "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nENTRYPOINT []\nCMD [\"\"]\nENTRYPOINT dotnet \"\nUSER\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://[::]:;https://\nEXPOSE 80\nENTRYPOINT [\"dotnet\", \"x.dll\", \"--urls\"]\n",
        "ONBUILD RUN dotnet publish\nFROM base AS base\nFROM base\nRUN --mount=type=cache dotnet restore\nRUN --mount=type=cache,target= dotnet restore\n",
    };

    [TestMethod]
    public void Odd_files_do_not_break_the_rules()
    {
        var projects = new[]
        {
            ProjectModels.Web(),
            ProjectModels.Console("net6.0;netstandard2.0;net472", p =>
            {
                p.ProjectPath = "";
                p.TargetName = "";
                p.AssemblyName = "";
                p.ProjectReferences = new[] { "", "relative/x.csproj", "C:\\\\repo\\\\x.csproj" };
                p.RestoreInputs = new[] { "/context" };
                p.ContainerPorts = new[] { "", "x/tcp" };
                p.ContainerBaseImage = ":";
                p.ContainerEnvironment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "garbage" };
            }),
            ProjectModels.Worker("", p => p.TargetFrameworks = Array.Empty<string>()),
        };
        var analyzer = new DockerfileAnalyzer();
        foreach (var file in OddFiles)
        {
            foreach (var project in projects)
            {
                var result = analyzer.Analyze(new AnalysisInput(SourceText.From(file, "Dockerfile"))
                {
                    ContextDirectory = "/context",
                    Project = project,
                    Options = new AnalysisOptions { EnableAllRules = true },
                });
                var crashes = result.Findings.Where(f => f.Code == "COPT0009").Select(f => f.Message).ToArray();
                Assert.AreEqual(0, crashes.Length, $"{file}\n{string.Join("\n", crashes)}");
            }
        }
        Assert.IsTrue(RuleCatalog.Rules.Count(r => r.Descriptor.Category == DiagnosticCategories.DotNet) >= 16);
    }
}
