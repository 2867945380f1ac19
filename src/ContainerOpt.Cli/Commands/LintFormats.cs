namespace ContainerOpt.Cli.Commands;

/// <summary>
/// The report formats of <c>lint --format/-f</c>: the one list the option completes from and checks against (any other
/// name is a usage error); <see cref="LintCommand"/> writes the one named.
/// </summary>
internal static class LintFormats
{
    public const string Default = "text";

    public static IReadOnlyList<string> Names { get; } = new[] { "text", "json", "sarif" };
}
