namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- Which rules are about security, and how severe their finding is as a vulnerability.
    //
    // The categories (one per code range) say what a rule is about (practice, size, .NET); security cuts across them, so
    // it is a list of its own. The score is what GitHub code scanning reads as SARIF's `security-severity` (CVSS-like,
    // 0.1–10: below 4 low, below 7 medium, below 9 high, else critical) and what tags a finding "security" in SARIF,
    // "Security" in Code Climate/GitLab and VULNERABILITY in SonarQube. docs/formats.md explains each choice.

    /// <summary>
    /// The security rules and their security-severity, as SARIF writes it (a decimal string). Codes, not the descriptor
    /// fields: the fields of the other parts of this class may not be initialised yet when this one is.
    /// </summary>
    private static readonly Dictionary<string, string> SecuritySeverities = new(StringComparer.Ordinal)
    {
        // A secret in ARG or ENV stays readable in the image history and config of everyone who pulls the image.
        ["COPT1114"] = "7.5", // secrets-used-in-arg-or-env
        ["COPT2064"] = "7.5", // secrets-in-arg-env
        // An out-of-support .NET image gets no more security fixes.
        ["COPT4004"] = "7.0", // dotnet-eol
        // Processes running as root: a container escape or a writable host mount gives root on more than it should.
        ["COPT2002"] = "6.0", // last-user-root
        ["COPT4013"] = "6.0", // non-root-user-missing
        // No USER at all: root, unless the base image set a user (so it may be a false alarm; lower).
        ["COPT2063"] = "4.0", // user-missing
        // The whole build context in the image: .git, local secrets, keys — unless a .dockerignore keeps them out.
        ["COPT2107"] = "5.0", // copy-whole-context
        ["COPT3011"] = "5.0", // dockerignore-missing
        // What the build downloads or pulls is not verified: a changed or hostile server, or registry, changes the image.
        ["COPT3010"] = "5.0", // add-remote-without-checksum
        ["COPT2026"] = "5.0", // untrusted-registry
        // A credential file in a layer: whoever pulls the image has it, even when a later layer deleted it. Highest for
        // what the Dockerfile added (certainly the user's secret); lower when it came with the base image or from a layer
        // no line is known for (it may be a base image's generated or well-known key).
        ["COPT3110"] = "8.0", // secret-in-layer
        ["COPT3111"] = "6.0", // secret-in-base-image
        ["COPT3112"] = "6.0", // secret-in-image
        // A TLS or SSH host key a package generated at install time: shared by every container and every puller.
        ["COPT3113"] = "5.0", // generated-key-in-layer
        // sudo in the image is a ready-made way to root for whatever runs in it.
        ["COPT2004"] = "3.0", // no-sudo
    };

    /// <summary>
    /// The security-severity of a security rule (SARIF's <c>security-severity</c>, a decimal from "0.1" to "10.0"), or null
    /// when the rule is not about security.
    /// </summary>
    public static string? SecuritySeverityOf(DiagnosticDescriptor descriptor) =>
        SecuritySeverities.TryGetValue(descriptor.Id, out var score) ? score : null;

    /// <summary>True for the rules whose findings are security problems (<see cref="SecuritySeverityOf"/>).</summary>
    public static bool IsSecurity(DiagnosticDescriptor descriptor) => SecuritySeverities.ContainsKey(descriptor.Id);

    /// <summary>The codes of the security rules, ordered.</summary>
    public static IReadOnlyList<string> SecurityRuleCodes => SecuritySeverities.Keys.OrderBy(c => c, StringComparer.Ordinal).ToArray();
}
