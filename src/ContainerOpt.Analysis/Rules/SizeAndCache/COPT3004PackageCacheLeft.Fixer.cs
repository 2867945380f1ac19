using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// Keeps each cache the finding names out of every RUN it names (the rule tells the fixer which caches): the apt lists,
/// apt's archives, the yum, dnf and zypper caches, npm's and yarn's are cleaned at the end of the RUN (<c>rm -rf
/// /var/lib/apt/lists/*</c>, <c>apt-get clean</c>, <c>yum clean all</c>, <c>dnf clean all</c>, <c>zypper clean -a</c>,
/// <c>npm cache clean --force</c>, <c>yarn cache clean</c>); apk gets <c>--no-cache</c> (or, after an <c>apk update</c>,
/// <c>rm -rf /var/cache/apk/*</c>), pip <c>--no-cache-dir</c>, uv <c>--no-cache</c>, gem <c>--no-document</c>. The NuGet
/// cache is left: a later restore or publish in the stage reads the packages it holds.
/// </summary>
public sealed class COPT3004PackageCacheLeftFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PackageCacheLeft;

    public override CodeFix? Fix(FixContext context)
    {
        var kinds = (context.Property(FixProperties.Caches) ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
        if (kinds.Length == 0)
        {
            return null;
        }
        var offsets = new List<int> { context.Finding.Span.Start };
        offsets.AddRange(context.Finding.AdditionalLocations.Select(l => context.OffsetOf(l.Start)));
        var steps = offsets.Select(context.StepAt).Where(s => s is not null).Select(s => s!).Distinct().ToList();
        var edits = new List<FixEdit?>();
        foreach (var step in steps)
        {
            var cleanups = new List<string>();
            foreach (var kind in kinds)
            {
                switch (kind)
                {
                    case "apt-archives": cleanups.Add("apt-get clean"); break;
                    case "apt-lists": cleanups.Add("rm -rf /var/lib/apt/lists/*"); break;
                    case "yum-cache": cleanups.Add("yum clean all"); break;
                    case "dnf-cache": cleanups.Add(DnfProgram(step) + " clean all"); break;
                    case "zypper-cache": cleanups.Add("zypper clean -a"); break;
                    case "npm-cache": cleanups.Add("npm cache clean --force"); break;
                    case "yarn-cache": cleanups.Add("yarn cache clean"); break;
                    case "apk-cache":
                        if (step.Calls.Any(c => c is { Manager: "apk", Op: PackageOp.Update }))
                        {
                            cleanups.Add("rm -rf /var/cache/apk/*");
                        }
                        else
                        {
                            edits.AddRange(Flags(context, step, "apk", PackageOp.Install, c => c.HasFlag("no-cache"), "--no-cache", c => RunEdits.Argument(c, "add")));
                        }
                        break;
                    case "pip-cache":
                        edits.AddRange(Flags(context, step, "pip", PackageOp.Install, Pip.DisablesCache, "--no-cache-dir", c => RunEdits.Argument(c, "install")));
                        break;
                    case "uv-cache":
                        edits.AddRange(Flags(context, step, "uv", PackageOp.Install, c => c.HasFlag("no-cache"), "--no-cache", c => c.NameWord));
                        break;
                    case "gem-docs":
                        edits.AddRange(Flags(context, step, "gem", PackageOp.Install, c => c.HasFlag("no-document"), "--no-document", c => RunEdits.Argument(c, "install")));
                        break;
                    case COPT3004PackageCacheLeft.ListsInUse:
                        return null; // later RUNs install from these lists: deleting them here would break those RUNs
                    default:
                        return null; // the NuGet cache, or a cache this fixer does not know
                }
            }
            if (cleanups.Count > 0)
            {
                edits.Add(RunEdits.Append(context, step, string.Join(" && ", cleanups)));
            }
        }
        return context.Offer("Keep the package cache out of the layer", edits);
    }

    /// <summary>The flag after the word <paramref name="where"/> picks, in each of the RUN's calls of the manager that lacks it (<paramref name="has"/>).</summary>
    private static IEnumerable<FixEdit?> Flags(FixContext context, RunStep step, string manager, PackageOp op, Func<ShellCommand, bool> has, string flag,
        Func<ShellCommand, ShellWord?> where)
    {
        foreach (var (at, call) in step.PackageCalls)
        {
            if (call.Manager == manager && call.Op == op && !has(call.Command) && where(at.Command) is { } word)
            {
                yield return RunEdits.InsertAfter(context, at.Script, word, flag);
            }
        }
    }

    private static string DnfProgram(RunStep step) =>
        step.PackageCalls.FirstOrDefault(p => p.Call.Manager == "dnf" && p.Call.Op is PackageOp.Install or PackageOp.Update).Call?.Program ?? "dnf";
}
