using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3037: <c>zypper install</c> (<c>in</c>) packages without a version. As hadolint, <c>pkg=1.2</c>,
/// <c>pkg&gt;=1.2</c>, <c>pkg&gt;1.2</c>, <c>pkg&lt;=1.2</c>, <c>pkg&lt;1.2</c> (escaped or quoted in the shell) and .rpm files
/// are pinned; values of options such as <c>-t pattern</c> or <c>--from repo</c> are not packages.
/// </summary>
public sealed class COPT2037ZypperPinVersions : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2037",
        "zypper-pin-versions",
        "Pin versions in zypper install",
        "Pin the version of '{0}' in zypper install (zypper install -y {0}=<version>) so rebuilds get the same package.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3037" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("zypper"))
            {
                var positionals = command.Positionals(PackageManagerCommands.ZypperValueFlags);
                if (positionals.Count == 0 || positionals[0].Value is not ("install" or "in"))
                {
                    continue;
                }
                foreach (var package in positionals.Skip(1))
                {
                    string name = package.Value;
                    if (name is "install" or "in" || IsPinned(name))
                    {
                        continue;
                    }
                    context.Report(run.SpanOf(package), name);
                }
            }
        }
    }

    internal static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('>') || package.Contains('<') || package.EndsWith(".rpm", StringComparison.Ordinal);
}
