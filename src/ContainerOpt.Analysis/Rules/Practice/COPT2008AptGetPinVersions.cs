using ContainerOpt.Analysis.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3008: <c>apt-get install</c> packages without a version (<c>pkg=1.2.3</c>). Packages
/// given as .deb files are exempt; the value of <c>-t</c>/<c>--target-release</c> is not a package.
/// </summary>
public sealed class COPT2008AptGetPinVersions : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2008",
        "apt-get-pin-versions",
        "Pin versions in apt-get install",
        "Pin the version of '{0}' in apt-get install (apt-get install {0}=<version>) so rebuilds get the same package.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3008" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("apt-get"))
            {
                var positionals = command.Positionals("t", "target-release", "o", "option", "c", "config-file");
                if (positionals.Count == 0 || positionals[0].Value != "install")
                {
                    continue;
                }
                foreach (var package in positionals.Skip(1))
                {
                    string name = package.Value;
                    if (name.Contains('=') || name.EndsWith(".deb", StringComparison.Ordinal) || name.StartsWith("/", StringComparison.Ordinal) || name.StartsWith("./", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    context.Report(run.SpanOf(package), name);
                }
            }
        }
    }
}
