namespace ContainerOpt.Core;

/// <summary>
/// Where ContainerOpt lives: the one home of the repository address that help links, SARIF's tool URI and the
/// packages (Directory.Build.props' RepositoryUrl, which a test keeps equal to this) point at.
/// </summary>
public static class ProductInfo
{
    public const string RepositoryUrl = "https://github.com/containeropt/containeropt";

    /// <summary>Each rule's help page is docs/rules/&lt;code&gt;.md on the main branch.</summary>
    public const string RuleHelpBaseUri = RepositoryUrl + "/blob/main/docs/rules/";
}
