using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A FROM on a .NET image that no longer gets security fixes: a version past its end of support
/// (table in <see cref="DotNetReleases"/>), a retired repository (<c>mcr.microsoft.com/dotnet/core/*</c>,
/// <c>microsoft/dotnet</c>, <c>microsoft/aspnetcore</c> ...), or a preview tag of a version that has
/// shipped (preview tags stop being updated at release). Needs no project.
/// </summary>
public sealed class COPT4004DotNetEndOfLife : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DotNetEndOfLife;

    public override void Analyze(RuleContext context)
    {
        var today = context.Facts.Today;
        // The current LTS and its note are what a finding advises: looked up on the first finding (most files have none).
        DotNetRelease? lts = null;
        string note = "";
        bool ltsKnown = false;
        void KnowLts()
        {
            if (!ltsKnown)
            {
                lts = DotNetReleases.CurrentLts(today);
                note = lts is null ? "" : $" (.NET {lts.Name} {lts.Type}, supported until {DotNetReleases.Format(lts.EndOfSupport)})";
                ltsKnown = true;
            }
        }
        // One finding per out-of-support .NET version (a build stage and a runtime stage are one upgrade), at its first FROM.
        List<(string? Key, TextSpan Span, string Word, string What, string To, int Line)>? found = null; // Key null: reported with an earlier one
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            var image = context.Facts.DotNetImageOf(stage);
            if (image is null)
            {
                continue;
            }
            int line = stage.From.Syntax.StartLine;
            var release = image.Version is null ? null : DotNetReleases.Find(image.Version);
            if (image.IsRetired)
            {
                KnowLts();
                string what = release is not null && release.IsEndOfLife(today)
                    ? $"is a retired repository that only holds .NET {release.Name}, out of support since {DotNetReleases.Format(release.EndOfSupport)}"
                    : "is a retired repository that gets no updates";
                string to = lts is null ? image.CurrentRepository : image.CurrentRepository + ":" + image.TagFor(lts.Version);
                (found ??= new()).Add(("retired " + (release?.Name ?? ""), image.RepositorySpan, image.Repository, what, $"use '{to}'{note}", line));
                continue;
            }
            if (release is null || image.Tag is null)
            {
                continue;
            }
            if (release.IsEndOfLife(today))
            {
                KnowLts();
                string to = lts is null ? "move to a supported .NET version" : $"move to '{image.Repository}:{image.TagFor(lts.Version)}'{note}";
                (found ??= new()).Add(("eol " + release.Name, image.TagSpan, image.Tag, $"is .NET {release.Name}, out of support since {DotNetReleases.Format(release.EndOfSupport)} and no longer patched", to, line));
            }
            else if (image.IsPreview && release.IsReleased(today))
            {
                (found ??= new()).Add(("preview " + release.Name, image.TagSpan, image.Tag,
                    $"is a preview of .NET {release.Name}, which shipped on {DotNetReleases.Format(release.GeneralAvailability)}; preview tags get no fixes",
                    $"use the released tag '{image.Repository}:{image.TagFor(release.Version)}'", line));
            }
        }
        if (found is null)
        {
            return;
        }
        // Grouped by key in the order of their first FROM (as GroupBy), by plain scans: a file has a FROM or three.
        for (int i = 0; i < found.Count; i++)
        {
            var first = found[i];
            if (first.Key is null)
            {
                continue; // reported with an earlier one
            }
            List<TextSpan>? others = null;
            List<int>? lines = null;
            for (int j = i + 1; j < found.Count; j++)
            {
                var same = found[j];
                if (!string.Equals(same.Key, first.Key, StringComparison.Ordinal))
                {
                    continue;
                }
                found[j] = same with { Key = null };
                (others ??= new List<TextSpan>()).Add(same.Span);
                if (!(lines ??= new List<int>()).Contains(same.Line))
                {
                    lines.Add(same.Line);
                }
            }
            string also = lines is null ? "" : $"; the same for the FROM on {(lines.Count == 1 ? "line" : "lines")} {Prose.And(lines)}";
            context.ReportAlsoAt(first.Span, others ?? (IReadOnlyList<TextSpan>)Array.Empty<TextSpan>(), first.Word, first.What, first.To + also);
        }
    }
}
