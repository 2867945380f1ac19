using System.Xml.Linq;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests;

/// <summary>The repository address has one home in code (ProductInfo) and one in MSBuild (Directory.Build.props): they agree.</summary>
[TestClass]
public sealed class ProductInfoTests
{
    [TestMethod]
    public void RepositoryUrl_IsTheOneThePackagesName()
    {
        var props = XDocument.Load(Path.Combine(Corpus.RepoRoot, "Directory.Build.props"));
        string expected = props.Descendants().Single(e => e.Name.LocalName == "RepositoryUrl").Value;
        string[] inCode = { ProductInfo.RepositoryUrl, SarifReport.InformationUri };
        CollectionAssert.AreEqual(new[] { expected, expected }, inCode);
        Assert.AreEqual(expected + "/blob/main/docs/rules/COPT3001.md", DiagnosticCatalog.CleanupInLaterLayer.HelpUri);
    }
}
