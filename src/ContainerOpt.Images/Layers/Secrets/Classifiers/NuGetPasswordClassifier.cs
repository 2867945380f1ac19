using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// A NuGet.config whose packageSourceCredentials hold a <c>ClearTextPassword</c> (a feed's PAT or password in plain
/// text). A value that names an environment variable (<c>%NUGET_PAT%</c>, which NuGet expands) is not one.
/// </summary>
public sealed class NuGetPasswordClassifier : CredentialClassifier
{
    private static readonly Regex AddElement = new("<add\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex KeyAttribute = new("\\bkey\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ValueAttribute = new("\\bvalue\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public override CredentialKind Kind => CredentialKind.NuGetPassword;

    public override string Description => "a NuGet.config with a cleartext password";

    public override int HeadBytes => 32 * 1024;

    public override bool IsCandidate(string lowerPath, string name, long size) => name == "nuget.config";

    public override string? Confirm(CredentialHead head)
    {
        string text = head.Text;
        if (text.IndexOf("cleartextpassword", StringComparison.OrdinalIgnoreCase) < 0) return null;
        foreach (Match element in AddElement.Matches(text))
        {
            Match key = KeyAttribute.Match(element.Value);
            if (!key.Success || !string.Equals(AttributeValue(key), "ClearTextPassword", StringComparison.OrdinalIgnoreCase)) continue;
            Match value = ValueAttribute.Match(element.Value);
            if (value.Success && !CredentialValues.IsPlaceholder(AttributeValue(value))) return "";
        }
        return null;
    }

    private static string AttributeValue(Match match) => match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value;
}
