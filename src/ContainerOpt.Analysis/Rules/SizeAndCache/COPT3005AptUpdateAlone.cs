using System.Globalization;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// An index refresh (<c>apt-get update</c>, <c>apt update</c>, <c>apk update</c>, <c>yum makecache</c>,
/// <c>dnf makecache</c>, <c>zypper refresh</c>) in a RUN that installs nothing with that manager. The
/// layer is cached on its own, so an install in a later RUN keeps using the index of the build that
/// first made it. Not reported when the RUN also runs a script (it may install). Every stage is
/// checked, ONBUILD RUN too.
/// </summary>
public sealed class COPT3005AptUpdateAlone : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptUpdateAlone;

    public override void Analyze(RuleContext context)
    {
        var steps = context.RunSteps;
        foreach (var step in steps.All)
        {
            if (!step.IsPosix)
            {
                continue;
            }
            var calls = step.Commands.Select(at => (at, call: step.CallAt(at))).ToList();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (at, call) in calls)
            {
                if (call is not { Op: PackageOp.Update } update || call.Command.Is("add-apt-repository") || reported.Contains(update.Manager))
                {
                    continue;
                }
                bool installs = calls.Any(c => c.call is { Op: PackageOp.Install } install && install.Manager == update.Manager);
                bool script = step.Commands.Any(c => c.Order > at.Order && ShellFacts.IsOpaque(c.Command));
                if (installs || script)
                {
                    continue;
                }
                reported.Add(update.Manager);
                int? installLine = FindLaterInstall(step, steps, update.Manager);
                string where = installLine is { } line ? " (the install is on line " + line.ToString(CultureInfo.InvariantCulture) + ")" : "";
                context.Report(at.Script.SpanOf(update.Command), update.Display, where, Example(update));
            }
        }
    }

    private static int? FindLaterInstall(RunStep step, RunSteps steps, string manager)
    {
        if (step.Stage is not { } stage || step.IsOnbuild)
        {
            return null;
        }
        bool after = false;
        foreach (var instruction in stage.Instructions)
        {
            if (ReferenceEquals(instruction, step.Instruction))
            {
                after = true;
                continue;
            }
            if (after && steps.Find(instruction) is { IsOnbuild: false } later
                && later.Calls.Any(c => c is { Op: PackageOp.Install, Manager: var m } && m == manager))
            {
                return later.Line;
            }
        }
        return null;
    }

    private static string Example(PackageCall update) => update.Manager switch
    {
        "apt" => $"'{update.Command.Name} update && {update.Command.Name} install -y ... && rm -rf /var/lib/apt/lists/*'",
        "apk" => "'apk add --no-cache ...' (it fetches a fresh index and needs no 'apk update')",
        "zypper" => "'zypper refresh && zypper install -y ... && zypper clean -a'",
        _ => $"'{update.Command.Name} install -y ... && {update.Command.Name} clean all'",
    };
}
