using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3048: a LABEL key that breaks Docker's key format: it must start with a lower-case
/// letter, end with a lower-case letter or digit, hold only lower-case letters, digits, '.' and '-',
/// have no '..' or '--', and not use the namespaces Docker reserves (com.docker., io.docker.,
/// org.dockerproject.). Reported once per instruction, at the first bad key.
/// </summary>
public sealed class COPT2048LabelKeyInvalid : DockerfileRule
{
    private static readonly string[] ReservedNamespaces = { "com.docker.", "io.docker.", "org.dockerproject." };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelKeyInvalid;

    public override void Analyze(RuleContext context)
    {
        object? reported = null;
        var labels = context.Facts.Labels;
        for (int i = 0; i < labels.Count; i++)
        {
            var pair = labels[i];
            if (ReferenceEquals(reported, pair.Instruction))
            {
                continue;
            }
            string? problem = Problem(pair.Key);
            if (problem is not null)
            {
                reported = pair.Instruction;
                context.Report(pair.Syntax.Key.Span, pair.Key, problem);
            }
        }
    }

    /// <summary>Why a key is invalid, or null when it is fine.</summary>
    internal static string? Problem(string key)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }
        if (key[0] < 'a' || key[0] > 'z')
        {
            return "it must start with a lower-case letter";
        }
        // The same walk (from the second character: the first is a letter) notes a doubled '.' or '-', which is reported only
        // after the end is found valid. A letter or digit, most characters of every key, takes the first test only.
        bool doubled = false;
        for (int i = 1; i < key.Length; i++)
        {
            char c = key[i];
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            {
                continue;
            }
            if (c != '.' && c != '-')
            {
                return $"'{c}' is not allowed";
            }
            doubled |= key[i - 1] == c;
        }
        char end = key[key.Length - 1];
        if (!((end >= 'a' && end <= 'z') || (end >= '0' && end <= '9')))
        {
            return "it must end with a lower-case letter or digit";
        }
        if (doubled)
        {
            return "'..' and '--' are not allowed";
        }
        foreach (var reserved in ReservedNamespaces)
        {
            // The first letter first: a key is compared in full only with the namespaces that start as it does (one of the
            // three for the usual org.opencontainers.image.* keys).
            if (key[0] == reserved[0] && key.StartsWith(reserved, StringComparison.Ordinal))
            {
                return $"the namespace '{reserved}' is reserved for Docker";
            }
        }
        return null;
    }
}
