using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3062: <c>go install</c>, <c>go get</c> and <c>go run</c> of a module package without a version
/// (<c>example.com/cmd@v1.2.3</c>); <c>@latest</c> and <c>@none</c> are not versions. As hadolint, local paths
/// (<c>.</c>, <c>./cmd</c>, <c>/src/app</c>) are fine, the <c>tool</c> word of <c>go install tool</c> is not a package, and
/// for <c>go run</c> only the package is checked (later words are the program's arguments). Values of build flags
/// (<c>-tags x</c>, <c>-ldflags "..."</c>, <c>-o out</c>) and Go source files (<c>main.go</c>) are not packages.
/// </summary>
public sealed class COPT2062GoInstallPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GoInstallPinVersions;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("go"))
        {
            return; // a file without go (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var at in run.Named("go"))
            {
                var positionals = Go.Positionals(at.Command.Arguments);
                if (positionals.Count == 0 || positionals[0].Value is not ("install" or "get" or "run"))
                {
                    continue;
                }
                string verb = positionals[0].Value;
                for (int i = 1; i < positionals.Count; i++)
                {
                    string package = positionals[i].Value;
                    if (package == "tool")
                    {
                        continue;
                    }
                    if (!Go.IsPinned(package))
                    {
                        context.ReportUnpinned(at, positionals[i], verb, ModuleOf(package));
                    }
                    if (verb == "run")
                    {
                        break; // go run's first package is the program; the words after it are its arguments
                    }
                }
            }
        }
    }

    private static string ModuleOf(string package)
    {
        int at = package.LastIndexOf('@');
        return at > 0 ? package.Substring(0, at) : package;
    }
}
