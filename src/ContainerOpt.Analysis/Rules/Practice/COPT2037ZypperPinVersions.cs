using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3037: <c>zypper install</c> (<c>in</c>) packages without a version. As hadolint, <c>pkg=1.2</c>,
/// <c>pkg&gt;=1.2</c>, <c>pkg&gt;1.2</c>, <c>pkg&lt;=1.2</c>, <c>pkg&lt;1.2</c> (escaped or quoted in the shell) and .rpm files
/// are pinned; values of options such as <c>-t pattern</c> or <c>--from repo</c> are not packages.
/// </summary>
public sealed class COPT2037ZypperPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ZypperPinVersions;

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
