using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3018: <c>apk add</c> packages without a version. As hadolint, <c>pkg=1.2-r0</c>, <c>pkg~1.2</c> (and so
/// <c>pkg&gt;=1.2</c>) and .apk files are pinned; the values of <c>-t</c>/<c>--virtual</c> and
/// <c>-X</c>/<c>--repository</c> are not packages.
/// </summary>
public sealed class COPT2018ApkPinVersions : DockerfileRule
{
    private static readonly string[] ValueFlags =
    {
        "t", "virtual", "X", "repository", "p", "root", "keys-dir", "repositories-file", "arch", "cache-dir", "cache-max-age",
        "progress-fd", "timeout",
    };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ApkPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("apk"))
            {
                var positionals = command.Positionals(ValueFlags);
                if (positionals.Count == 0 || positionals[0].Value != "add")
                {
                    continue;
                }
                foreach (var package in positionals.Skip(1))
                {
                    string name = package.Value;
                    if (!IsPinned(name))
                    {
                        context.Report(run.SpanOf(package), name);
                    }
                }
            }
        }
    }

    internal static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('~') || package.EndsWith(".apk", StringComparison.Ordinal);
}
