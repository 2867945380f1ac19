using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3013: <c>pip install</c> (pip, pip3, <c>python -m pip</c>...) of a package without a version specifier.
/// As hadolint: installs from a requirements file (<c>-r</c>), of the current project (<c>.</c>) or with a constraints
/// file (<c>-c</c>) are not checked; any specifier (<c>==</c>, <c>~=</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>!=</c>...), a VCS URL
/// with <c>@ref</c>, a .whl or .tar.gz file and a path or URL are pinned; values of options such as
/// <c>--index-url</c> or <c>--target</c> are not packages.
/// </summary>
public sealed class COPT2013PipPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PipPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager != "pip" || call.Verb != "install"
                    || OptionTable.HasArgument(call.Arguments, "-r", "--requirement", ".")
                    || NamesRequirementFile(call.Arguments)
                    || call.HasFlag("c", "constraint"))
                {
                    continue;
                }
                var operands = call.Operands;
                for (int i = 0; i < operands.Count; i++)
                {
                    string package = operands[i].Value;
                    if (package != "install" && !Pip.IsPinned(package))
                    {
                        context.ReportUnpinned(at, operands[i],
                            Pip.IsVcs(package) && package.Contains("://", StringComparison.Ordinal) ? "add @<tag or commit> to the repository URL" : package + "==<version>");
                    }
                }
            }
        }
    }

    private static bool NamesRequirementFile(IReadOnlyList<ShellWord> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i].Value.StartsWith("--requirement=", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }


}
