using ContainerOpt.Core.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Masks secrets in command lines and output before they reach a log: the value of every
/// <c>--build-arg NAME=VALUE</c> whose name looks secret (TOKEN, PASSWORD, PASSWD, SECRET, KEY,
/// CREDENTIAL, or a PAT segment: NUGET_PAT but not PATH), and every value the caller marks secret, wherever
/// it appears. <c>--secret id=…,src=…</c> names a file, not a value, so it passes through.
/// </summary>
public sealed class CommandLineRedactor
{
    public const string Mask = "***";

    private static readonly Regex SecretName = new(
        "TOKEN|PASSWORD|PASSWD|SECRET|KEY|CREDENTIAL|(^|[_.-])PAT($|[_.-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly string[] _secretValues;

    public CommandLineRedactor(IEnumerable<string?>? secretValues = null)
    {
        // Longest first, so a secret containing another is masked whole; tiny values would mask half the log.
        _secretValues = (secretValues ?? Array.Empty<string?>())
            .Where(v => !string.IsNullOrEmpty(v) && v!.Length >= 3)
            .Select(v => v!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToArray();
    }

    /// <summary>Shows everything: for commands that carry no secrets.</summary>
    public static CommandLineRedactor None { get; } = new();

    /// <summary>True when a build argument of this name should never be shown.</summary>
    public static bool IsSecretName(string name) =>
        SecretName.IsMatch(name) && !name.Equals("PublicKeyToken", StringComparison.OrdinalIgnoreCase); // an assembly's public identity, in every binding error

    public IReadOnlyList<string> Redact(IReadOnlyList<string> arguments)
    {
        var result = new string[arguments.Count];
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            bool valueOfBuildArg = i > 0 && arguments[i - 1] == "--build-arg";
            if (valueOfBuildArg)
            {
                argument = RedactAssignment(argument);
            }
            else if (argument.StartsWith("--build-arg=", StringComparison.Ordinal))
            {
                argument = "--build-arg=" + RedactAssignment(argument.Substring("--build-arg=".Length));
            }
            result[i] = RedactText(argument);
        }
        return result;
    }

    /// <summary>The command line as one readable string, secrets masked, arguments quoted where needed.</summary>
    public string Display(string fileName, IReadOnlyList<string> arguments)
    {
        var builder = new StringBuilder(CommandLineQuoting.Quote(fileName));
        foreach (string argument in Redact(arguments))
        {
            builder.Append(' ').Append(CommandLineQuoting.Quote(argument));
        }
        return builder.ToString();
    }

    /// <summary>Masks every marked secret value inside a line of text (builder output echoes build args).</summary>
    public string RedactText(string text)
    {
        foreach (string secret in _secretValues)
        {
            if (text.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(secret, Mask);
            }
        }
        return text;
    }

    // NAME=value (a shell assignment, -p:NuGetPassword=value, --build-arg NAME=value echoed back), quoted or not.
    private static readonly Regex Assignment = new(
        @"(?<![A-Za-z0-9_])(?<name>[A-Za-z_][A-Za-z0-9_.]*)=(?<value>""[^""]*""|'[^']*'|[^\s""';&|,]+)",
        RegexOptions.CultureInvariant);

    // https://user:password@host, and an Authorization header's credentials.
    private static readonly Regex UrlCredentials = new(@"(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]+):[^\s/@]+@", RegexOptions.CultureInvariant);
    private static readonly Regex AuthorizationValue = new(
        @"(?<kind>\bAuthorization:\s*(?:(?:Basic|Bearer|token)\s+)?|\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// Masks what looks like a secret in a line of output even when nobody marked it: the value of an assignment
    /// whose name looks secret (<c>NUGET_TOKEN=…</c>, <c>-p:NuGetPassword=…</c>), the password of a URL
    /// (<c>https://user:***@host</c>) and bearer/basic credentials. For text ContainerOpt puts in a message of
    /// its own (a failed step's cause), on top of <see cref="RedactText"/>.
    /// </summary>
    public static string RedactSecrets(string text)
    {
        if (text.IndexOf('=') >= 0)
        {
            text = Assignment.Replace(text, m => IsSecretName(m.Groups["name"].Value) ? m.Groups["name"].Value + "=" + Mask : m.Value);
        }
        if (text.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            text = UrlCredentials.Replace(text, m => m.Groups["scheme"].Value + ":" + Mask + "@");
        }
        return AuthorizationValue.Replace(text, m => m.Groups["kind"].Value + Mask);
    }

    private static string RedactAssignment(string assignment)
    {
        int eq = assignment.IndexOf('=');
        if (eq < 0) return assignment; // NAME alone: the value comes from the environment, nothing to mask
        string name = assignment.Substring(0, eq);
        return IsSecretName(name) ? name + "=" + Mask : assignment;
    }
}
