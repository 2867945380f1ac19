using System.Text.RegularExpressions;
using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>The ContainerOpt.Build package referenced by one web app: the first thing a user does.</summary>
[TestClass]
public sealed class PackageReferenceTests : BuildTestBase
{
    [TestMethod]
    public void WebApp_Build_ReportsStageNameWarningAtItsSpan_WithTheDockerfilesFullPath()
    {
        var web = SharedBuilds.SingleWebApp;

        BuildAssert.Succeeded(web.Result);
        BuildAssert.Findings(web.Result, Expected.Warning("COPT1100", web.Dockerfile, 1, 21, 1, 26, web.Project));
        var finding = web.Result.ContainerOptDiagnostics.Single();
        Assert.IsTrue(Path.IsPathFullyQualified(finding.Origin), finding.Origin);
        Assert.AreEqual(Dockerfiles.FinalStageMessage, finding.Message);
        Assert.AreEqual("", finding.Subcategory);
    }

    /// <summary>
    /// Visual Studio's Error List (and Azure DevOps / GitHub problem matchers) read exactly this form:
    /// full path, four-number span, no subcategory, "warning CODE: message [project]".
    /// </summary>
    [TestMethod]
    public void WarningLine_IsMSBuildsCanonicalForm_AsVisualStudioReadsIt()
    {
        var web = SharedBuilds.SingleWebApp;

        var canonical = new Regex(
            "^" + Regex.Escape(web.Dockerfile) + @"\(1,21,1,26\): warning COPT1100: Stage name 'Final' should be lowercase: name it 'final'\. \[" + Regex.Escape(web.Project) + @"\]$",
            RegexOptions.CultureInvariant);
        var lines = web.Result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.IsTrue(lines.Any(canonical.IsMatch), $"no line matches {canonical}.\n{web.Result.Describe()}");
        // Every ContainerOpt line of the build, not just one, is in that form.
        foreach (var line in lines.Where(l => l.Contains("COPT1100", StringComparison.Ordinal)))
        {
            Assert.IsTrue(canonical.IsMatch(line.Trim()), $"not canonical: '{line}'");
        }
    }

    /// <summary>A path with spaces and non-ASCII letters reaches the task and the warning unescaped and whole.</summary>
    [TestMethod]
    public void ProjectInAFolderWithSpacesAndAccents_ReportsTheExactPath()
    {
        var scratch = new Scratch("spaces");
        var project = scratch.Library("Mon Projet é", Dockerfiles.FinalStage);
        var dockerfile = scratch.PathOf("Mon Projet é/Dockerfile");

        var result = scratch.Build(project);

        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result, Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 26, project));
    }
}
