using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Analysis.Tests.Rules.DotNet;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1204CopySourceMissingTests
{
    /// <summary>Visual Studio's shape: paths relative to the solution folder (/repo), the project in /repo/src/Api.</summary>
    private const string VisualStudio =
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [[|\"src/Api/Api.csproj\"|], \"src/Api/\"]\nCOPY [[|\"src/Core/Core.csproj\"|], \"src/Core/\"]\n"
        + "RUN dotnet restore \"./src/Api/Api.csproj\"\nCOPY . .\n";

    private static Core.Projects.ProjectModel SolutionProject() => ProjectModels.Web(configure: p =>
    {
        p.ProjectPath = "/repo/src/Api/Api.csproj";
        p.ProjectReferences = new[] { "/repo/src/Core/Core.csproj" };
    });

    [TestMethod]
    public void Visual_studios_paths_from_the_project_folder_are_one_error_that_names_the_solution_folder()
    {
        // Reported once, at the first source; the second is an additional location (the verifier sees the first span only).
        var findings = RuleVerifier.Verify<COPT1204CopySourceMissing>(VisualStudio.Replace("[[|\"src/Core/Core.csproj\"|]", "[\"src/Core/Core.csproj\""),
            project: SolutionProject(), contextFiles: new ListedContextFiles("Api.csproj", "Program.cs", "Dockerfile"), contextOrigin: ContextOrigin.Assumed);
        Assert.AreEqual(
            "'src/Api/Api.csproj' and 'src/Core/Core.csproj' are not in the build context '/context' (the Dockerfile's folder, which ContainerOpt assumes when nothing names another): docker cannot copy them and the build fails. Build with the context '/repo': set ContainerOptContext (or Visual Studio's DockerfileContext) to it, and docker build from there.",
            findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity, "the project's files show the folder the paths are relative to: the assumed context certainly fails");
        Assert.AreEqual(1, findings[0].AdditionalLocations.Count);
    }

    [TestMethod]
    public void A_named_context_that_lacks_a_path_is_an_error()
    {
        var findings = RuleVerifier.Verify<COPT1204CopySourceMissing>("FROM debian:12\nCOPY [|config/app.json|] /etc/app.json\nCOPY present.txt /p\n",
            contextFiles: new ListedContextFiles("present.txt"));
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
        StringAssert.StartsWith(findings[0].Message, "'config/app.json' is not in the build context '/context': docker cannot copy it and the build fails. Fix the path, or the context.");
    }

    [TestMethod]
    public void Patterns_that_match_nothing_and_paths_that_leave_the_context_are_warnings()
    {
        var findings = RuleVerifier.Verify<COPT1204CopySourceMissing>(
            "FROM debian:12\nCOPY [|*.pem|] /certs/\nCOPY a.txt *.nomatch /x/\nCOPY [|../shared.json|] /s.json\nCOPY [|../gone.json|] /g.json\n",
            contextFiles: new ListedContextFiles("a.txt", "shared.json"));
        CollectionAssert.AreEqual(new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Error },
            findings.Select(f => f.Severity).ToArray(), string.Join("\n", findings));
        StringAssert.Contains(findings.Single(f => f.Message.StartsWith("'*.pem'", StringComparison.Ordinal)).Message, "matches nothing");
        StringAssert.Contains(findings.Single(f => f.Message.StartsWith("'../shared.json'", StringComparison.Ordinal)).Message, "BuildKit reads it from the context's root");
        StringAssert.StartsWith(findings.Single(f => f.Severity == DiagnosticSeverity.Error).Message, "'../gone.json' is not in the build context");
    }

    [TestMethod]
    public void Stages_urls_heredocs_the_whole_context_and_paths_from_variables_are_not_checked() =>
        RuleVerifier.Verify<COPT1204CopySourceMissing>(
            "FROM debian:12 AS b\nRUN touch /x\nFROM debian:12\nCOPY --from=b /x /x\nADD https://example.org/a.tgz /a.tgz\nCOPY <<EOF /c\nhi\nEOF\nCOPY . /app\nARG CONFIG=app.json\nCOPY $CONFIG ${CONFIG}.d/ /etc/\n",
            contextFiles: new ListedContextFiles("a.txt"));

    [TestMethod]
    public void An_assumed_context_warns_when_other_sources_are_there_and_only_suggests_when_none_is()
    {
        var mistyped = RuleVerifier.Verify<COPT1204CopySourceMissing>("FROM debian:12\nCOPY app.json /etc/\nCOPY [|appsettigns.json|] /etc/\n",
            contextFiles: new ListedContextFiles("app.json", "appsettings.json"), contextOrigin: ContextOrigin.Assumed);
        Assert.AreEqual(DiagnosticSeverity.Warning, mistyped[0].Severity);
        StringAssert.EndsWith(mistyped[0].Message, "Fix the path, or set ContainerOptContext to the folder docker build runs in.");
        // Nothing the file copies is in the Dockerfile's folder: most likely built from another folder that nothing names.
        var elsewhere = RuleVerifier.Verify<COPT1204CopySourceMissing>("FROM debian:12\nCOPY [|src/app.json|] /etc/\nCOPY [|src/*.conf|] /etc/\n",
            contextFiles: new ListedContextFiles("Dockerfile"), contextOrigin: ContextOrigin.Assumed);
        CollectionAssert.AreEqual(new[] { DiagnosticSeverity.Style, DiagnosticSeverity.Style }, elsewhere.Select(f => f.Severity).ToArray());
    }
}
