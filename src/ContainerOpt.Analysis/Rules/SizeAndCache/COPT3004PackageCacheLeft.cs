using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// A package-manager command that leaves its cache in the layer: no no-cache flag, no cleanup
/// later in the same RUN, no cache (or tmpfs) mount over the cache. apt (<c>apt-get update</c>: the
/// lists; <c>apt-get install</c>: the .debs, only where docker-clean is turned off), apk, yum,
/// dnf/microdnf, zypper, pip (<c>--no-cache-dir</c>, <c>PIP_NO_CACHE_DIR</c>), uv, npm, yarn, gem
/// (documentation: <c>--no-document</c>; the official ruby images set it already) and NuGet
/// (<c>dotnet restore</c>, implicit restores, <c>dotnet tool install</c>). One finding per cache and fix,
/// at the first command that made it; the message names the other RUNs that leave the same cache. Only stages whose files ship are checked: the
/// final stage, the stages it is built on and stages it copies wholesale; a build stage's cache
/// never reaches the image. Windows stages are not checked (their caches, cleanups and builder are not Linux's).
/// <para>
/// When later RUNs of the stage (or of a stage built on it) run <c>apt-get install</c> without an <c>apt-get update</c> of
/// their own, they read the lists this RUN left: deleting them here would make those installs fail, so the finding says to
/// update in each installing RUN and clean up there instead, and the fixer offers no edit.
/// </para>
/// </summary>
public sealed class COPT3004PackageCacheLeft : DockerfileRule
{
    // hadolint's cache rules; COPT2074 (DL3074) asks for the NuGet cache mount this finding's fix names too.
    private static readonly string[] Superseded = { "COPT2009", "COPT2019", "COPT2032", "COPT2036", "COPT2040", "COPT2042", "COPT2060", "COPT2074" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PackageCacheLeft;

    public override IReadOnlyList<string> Supersedes => Superseded;

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        List<Left>? found = null; // made on the first cache left: most files leave none
        var steps = context.RunSteps;
        var stages = model.Stages;
        for (int i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            // Windows stages are not read: their caches live elsewhere (%LOCALAPPDATA%\pip\Cache), their cleanups are cmd or
            // PowerShell (Remove-Item), and the cache mounts of the advice exist only in BuildKit, which builds Linux only.
            if (!context.Facts.ShipsFilesOf(stage) || context.Facts.IsWindows(stage))
            {
                continue;
            }
            var root = BaseImages.RootImage(context.Facts, stage);
            bool gemSkipsDocuments = root?.Image.IsOfficial("ruby") == true;
            bool aptKeepsArchives = false;
            int foldedStage = 0, foldedIndex = 0; // the chain's instructions before this place are folded into aptKeepsArchives
            var chain = stage.Chain;
            for (int c = 0; c < chain.Count; c++)
            {
                var s = chain[c];
                var instructions = s.Instructions;
                for (int j = 0; j < instructions.Count; j++)
                {
                    if (!ReferenceEquals(s, stage) || steps.Find(instructions[j]) is not { IsPosix: true } step || !DoesPackageWork(step))
                    {
                        continue;
                    }
                    // Whether this RUN or an earlier one turned docker-clean off is asked only for a RUN where a package manager
                    // works (most RUNs have none, and most stages none at all).
                    aptKeepsArchives = aptKeepsArchives || DisablesDockerCleanThrough(chain, steps, c, j, ref foldedStage, ref foldedIndex);
                    Check(step, new CacheSetting(aptKeepsArchives, gemSkipsDocuments), context, ref found);
                }
            }
        }
        if (found is null)
        {
            return;
        }
        // The same cache left by the same kind of command in several RUNs is one finding: one habit to change. Groups in
        // the order of their first RUN (as GroupBy), by plain scans: a file leaves a handful of caches at most.
        for (int i = 0; i < found.Count; i++)
        {
            var first = found[i];
            if (first.Reported)
            {
                continue;
            }
            List<TextSpan>? others = null;
            List<int>? lines = null;
            for (int j = i + 1; j < found.Count; j++)
            {
                var same = found[j];
                if (same.Reported || !string.Equals(same.What, first.What, StringComparison.Ordinal) || !string.Equals(same.Fix, first.Fix, StringComparison.Ordinal))
                {
                    continue;
                }
                found[j] = same with { Reported = true };
                (others ??= new List<TextSpan>()).Add(same.Span);
                if (!(lines ??= new List<int>()).Contains(same.Line))
                {
                    lines.Add(same.Line);
                }
            }
            string also = lines is null ? "" : $"; the same in the {(lines.Count == 1 ? "RUN on line" : "RUNs on lines")} {Prose.And(lines)}";
            var properties = new Dictionary<string, string>(1) { [Fixes.FixProperties.Caches] = first.Kinds };
            context.ReportAsAlsoAt(context.SeverityForImageSize, first.Span, others ?? (IReadOnlyList<TextSpan>)Array.Empty<TextSpan>(), properties,
                first.Display, first.What, first.Fix + also);
        }
    }

    // A value in a list, not an object per cache left.
    private readonly record struct Left(TextSpan Span, string Display, string What, string Fix, int Line, string Kinds, bool Reported = false);

    /// <summary>True when a package manager updates, installs or builds in the RUN: else it leaves no cache to look at.</summary>
    private static bool DoesPackageWork(RunStep step)
    {
        var calls = step.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i] is { Op: PackageOp.Update or PackageOp.Install or PackageOp.Build })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when a RUN (not an ONBUILD trigger) of the chain up to instruction <paramref name="index"/> of
    /// <c>chain[stage]</c>, that one included, turns off Debian's docker-clean. Starts where the last call stopped
    /// (<paramref name="foldedStage"/>, <paramref name="foldedIndex"/>): each RUN is asked once.
    /// </summary>
    private static bool DisablesDockerCleanThrough(ArrayView<Stage> chain, RunSteps steps, int stage, int index, ref int foldedStage, ref int foldedIndex)
    {
        while (true)
        {
            var instructions = chain[foldedStage].Instructions;
            int end = foldedStage == stage ? index + 1 : instructions.Count;
            for (; foldedIndex < end; foldedIndex++)
            {
                if (steps.Find(instructions[foldedIndex]) is { IsOnbuild: false } step && LayerSimulation.DisablesDockerClean(step))
                {
                    return true;
                }
            }
            if (foldedStage == stage)
            {
                return false;
            }
            foldedStage++;
            foldedIndex = 0;
        }
    }

    private static void Check(RunStep step, CacheSetting setting, RuleContext context, ref List<Left>? found)
    {
        List<CacheProduct>? left = null; // made on the first cache left: most calls leave none
        foreach (var at in step.Commands)
        {
            if (step.CallAt(at) is not { Op: PackageOp.Update or PackageOp.Install or PackageOp.Build } call
                || Facts.NuGet.RestoredBefore(context.RunSteps, step, at))
            {
                continue;
            }
            // A call writes at most one cache: the product itself, not a sequence of one.
            if (PackageCaches.ProductOf(call, step, at, strict: true, setting, context.Model) is { } product
                && !IsOnMount(product, step) && !IsCleanedLater(product, step, context))
            {
                (left ??= new List<CacheProduct>()).Add(product);
            }
        }
        if (left is null)
        {
            return;
        }
        // One finding per package manager (in the order of its first cache), naming each kind it left once, in RUN order.
        for (int m = 0; m < left.Count; m++)
        {
            if (ManagerSeenBefore(left, m))
            {
                continue;
            }
            var products = ProductsOf(left, m);
            var first = products[0];
            string what = products[0].Kind.Description;
            bool listsLeft = products[0].Kind == PackageCaches.AptLists;
            for (int k = 1; k < products.Length; k++)
            {
                what += " and " + products[k].Kind.Description;
                listsLeft |= products[k].Kind == PackageCaches.AptLists;
            }
            // Lists that later installs read must not be deleted here: the fix moves 'apt-get update' into those RUNs.
            var readers = listsLeft ? InstallsReadingLists(step, context) : null;
            string fix = FixOf(products[0], readers), kinds = KindOf(products[0], readers);
            for (int k = 1; k < products.Length; k++)
            {
                fix += "; " + FixOf(products[k], readers);
                kinds += "," + KindOf(products[k], readers);
            }
            var span = first.At.Script.NameSpanOf(first.Producer.Command);
            (found ??= new List<Left>()).Add(new Left(span, first.Producer.Display, what, fix, context.Source.GetLinePosition(span.Start).Line, kinds));
        }
    }

    private static string FixOf(CacheProduct product, List<int>? readers) =>
        readers is not null && product.Kind == PackageCaches.AptLists ? ListsReadLater(readers) : PackageCaches.FixFor(product);

    private static string KindOf(CacheProduct product, List<int>? readers) =>
        readers is not null && product.Kind == PackageCaches.AptLists ? ListsInUse : product.Kind.Id;

    private static bool ManagerSeenBefore(List<CacheProduct> left, int index)
    {
        for (int i = 0; i < index; i++)
        {
            if (left[i].Kind.Manager == left[index].Kind.Manager)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The first product of each kind of the manager of <c>left[from]</c> (from there on), ordered by their place in the
    /// RUN (a stable sort, as OrderBy: a RUN leaves one or two).
    /// </summary>
    private static CacheProduct[] ProductsOf(List<CacheProduct> left, int from)
    {
        string manager = left[from].Kind.Manager;
        int count = 0;
        for (int i = from; i < left.Count; i++)
        {
            if (left[i].Kind.Manager == manager && !KindSeenBefore(left, from, i))
            {
                count++;
            }
        }
        var products = new CacheProduct[count];
        int next = 0;
        for (int i = from; i < left.Count; i++)
        {
            if (left[i].Kind.Manager != manager || KindSeenBefore(left, from, i))
            {
                continue;
            }
            var product = left[i];
            int at = next++;
            while (at > 0 && products[at - 1].Order > product.Order)
            {
                products[at] = products[at - 1];
                at--;
            }
            products[at] = product;
        }
        return products;
    }

    private static bool KindSeenBefore(List<CacheProduct> left, int from, int index)
    {
        for (int i = from; i < index; i++)
        {
            if (left[i].Kind == left[index].Kind)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The cache kind the fixer is told when later RUNs install from the lists: it offers no edit (deleting them breaks those RUNs).</summary>
    internal const string ListsInUse = "apt-lists-in-use";

    private static string ListsReadLater(List<int> lines) =>
        $"{(lines.Count == 1 ? "the RUN on line" : "the RUNs on lines")} {Prose.And(lines)} {(lines.Count == 1 ? "installs" : "install")} from them without an 'apt-get update' of their own, "
        + "so deleting them here breaks those installs: run 'apt-get update' in each RUN that installs, and end each such RUN with 'rm -rf /var/lib/apt/lists/*'";

    /// <summary>
    /// The lines of the later RUNs (in this stage, or in a stage built on it) that install with apt from the lists this RUN's
    /// update left, with no update of their own before; null when none does. A RUN that updates the lists again ends the
    /// search along that chain: what follows reads its lists.
    /// </summary>
    private static List<int>? InstallsReadingLists(RunStep step, RuleContext context)
    {
        if (step.Instruction.Stage is not { } stage)
        {
            return null;
        }
        List<int>? lines = null;
        foreach (var later in context.Model.Stages)
        {
            var chain = later.Chain;
            int from = 0;
            while (from < chain.Count && !ReferenceEquals(chain[from], stage))
            {
                from++;
            }
            bool after = false;
            for (int c = from; c < chain.Count; c++)
            {
                foreach (var instruction in chain[c].Instructions)
                {
                    if (!after)
                    {
                        after = ReferenceEquals(instruction, step.Instruction);
                        continue;
                    }
                    if (context.RunSteps.Find(instruction) is not { IsOnbuild: false } run || InstallsFromLists(run) is not { } installs)
                    {
                        continue;
                    }
                    if (!installs)
                    {
                        c = chain.Count; // updated again: later RUNs of this chain read those lists
                        break;
                    }
                    if (!(lines ??= new List<int>()).Contains(run.Line))
                    {
                        lines.Add(run.Line);
                    }
                }
            }
        }
        lines?.Sort();
        return lines;
    }

    /// <summary>
    /// True when the RUN installs with apt before any update of its own; false when it refreshes the lists first: an apt
    /// update, or a script (<c>curl … | bash -</c>, <c>./setup.sh</c>; a repository setup script usually runs
    /// <c>apt-get update</c>); null when it does neither.
    /// </summary>
    private static bool? InstallsFromLists(RunStep run)
    {
        foreach (var at in run.Commands)
        {
            if (run.CallAt(at) is { Manager: "apt", Op: PackageOp.Update or PackageOp.Install } call)
            {
                return call.Op == PackageOp.Install;
            }
            if (ShellFacts.IsPosixShell(at.Command) || at.Command.Name.EndsWith(".sh", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return null;
    }

    private static bool IsOnMount(CacheProduct product, RunStep step)
    {
        var paths = product.Paths;
        for (int i = 0; i < paths.Count; i++)
        {
            if (step.IsOnMount(paths[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsCleanedLater(CacheProduct product, RunStep step, RuleContext context)
    {
        foreach (var at in step.Commands)
        {
            if (at.Order <= product.Order)
            {
                continue;
            }
            var command = at.Command;
            if (command.Is("rm") || command.Is("find"))
            {
                foreach (var word in command.Is("rm") ? command.Positionals() : ShellFacts.FindRemovalRoots(command))
                {
                    var path = LayerPaths.FromWord(word, step.Instruction, context.Model, step.Workdir, relativeIsKnown: !at.AfterCd);
                    if (path is not null && PackageCaches.RemovalCleans(path, product))
                    {
                        return true;
                    }
                }
            }
            else if (step.CallAt(at) is { Op: PackageOp.Clean } clean && PackageCaches.Cleans(clean, product))
            {
                return true;
            }
        }
        return false;
    }
}
