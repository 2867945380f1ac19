using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// COPY/ADD sources the build context does not hold. A plain path that is missing fails the build with both builders
/// (shown on the engine). Its severity follows how sure ContainerOpt is of the context: an error when the context was named
/// (ContainerOptContext, Visual Studio's DockerfileContext, <c>--context</c>, the generated header), or when ContainerOpt
/// assumed the Dockerfile's folder but the project's own files show the folder the paths are relative to (Visual Studio
/// writes them relative to the solution folder: the message names it); a warning when it assumed the folder and other
/// sources are there (a mistyped path); a suggestion when it assumed the folder and none is (the file is most likely built
/// from another folder, which nothing here names). A pattern that matches nothing fails the classic builder only
/// (BuildKit copies nothing), and a path that leaves the context (<c>../x</c>) is refused by the classic builder while
/// BuildKit reads it from the context's root: warnings. One finding per kind for the file, its other places as
/// additional locations.
/// </summary>
public sealed class COPT1204CopySourceMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopySourceMissing;

    public override void Analyze(RuleContext context)
    {
        var facts = context.Facts;
        var missing = facts.MissingSources;
        if (missing.Count == 0 || facts.ContextDirectory is not { } contextDirectory)
        {
            return;
        }
        string origin = facts.ContextOrigin.Qualifier();
        // One pass sorts the missing sources by kind, in file order.
        List<MissingSource>? plain = null, candidates = null, outside = null;
        for (int i = 0; i < missing.Count; i++)
        {
            var m = missing[i];
            if (m.IsOutside)
            {
                (outside ??= new List<MissingSource>()).Add(m);
            }
            else if (m.IsPattern)
            {
                (candidates ??= new List<MissingSource>()).Add(m);
            }
            else
            {
                (plain ??= new List<MissingSource>()).Add(m);
            }
        }
        // Only the project's files can name a better context: without one, no list of paths to compare.
        string? better = context.Project is null ? null : BetterContext(context, missing.Where(m => !m.IsOutside).Select(m => m.Source.Path).ToList(), contextDirectory);
        string fix = better is not null
            ? $"Build with the context '{better}': set ContainerOptContext (or Visual Studio's DockerfileContext) to it, and docker build from there"
            : facts.ContextOrigin == ContextOrigin.Assumed
                ? "Fix the path, or set ContainerOptContext to the folder docker build runs in"
                : "Fix the path, or the context";

        if (plain is not null)
        {
            var severity = facts.ContextOrigin == ContextOrigin.Stated || better is not null ? DiagnosticSeverity.Error
                : facts.ContextSourcesFound > 0 ? DiagnosticSeverity.Warning
                : DiagnosticSeverity.Style;
            Report(context, severity, plain, plain.Count == 1 ? "is not" : "are not", contextDirectory, origin,
                "docker cannot copy " + (plain.Count == 1 ? "it" : "them") + " and the build fails", fix);
        }
        List<MissingSource>? patterns = null;
        if (candidates is not null)
        {
            var missingSet = new HashSet<ContextSource>();
            for (int i = 0; i < missing.Count; i++)
            {
                missingSet.Add(missing[i].Source);
            }
            foreach (var m in candidates)
            {
                if (!OtherSourceOfTheCopyExists(context, m, missingSet))
                {
                    (patterns ??= new List<MissingSource>()).Add(m);
                }
            }
        }
        if (patterns is not null)
        {
            var severity = facts.ContextOrigin == ContextOrigin.Assumed && better is null && facts.ContextSourcesFound == 0 ? DiagnosticSeverity.Style : DiagnosticSeverity.Warning;
            Report(context, severity, patterns, patterns.Count == 1 ? "matches nothing" : "match nothing", contextDirectory, origin,
                "BuildKit copies nothing and the classic builder fails (\"no source files were specified\")", fix);
        }
        if (outside is not null)
        {
            Report(context, DiagnosticSeverity.Warning, outside, outside.Count == 1 ? "leaves the context" : "leave the context", contextDirectory, origin,
                "the classic builder refuses it (\"forbidden path outside the build context\") and BuildKit reads it from the context's root instead",
                "Copy it from inside the context (build from a folder above, with ContainerOptContext)");
        }
    }

    private static void Report(RuleContext context, DiagnosticSeverity severity, List<MissingSource> sources, string verb, string contextDirectory,
        string origin, string consequence, string fix)
    {
        // Arrays of the right size, filled in one loop (most files that lack a source report one finding).
        var written = new string[sources.Count];
        var others = new TextSpan[sources.Count - 1];
        for (int i = 0; i < sources.Count; i++)
        {
            var token = sources[i].Source.Token;
            written[i] = token.Value.Trim(Quote);
            if (i > 0)
            {
                others[i - 1] = token.Span;
            }
        }
        // The list is quoted when the message is read (a QuotedList writes what Prose.QuotedAnd does): a context that only
        // ContainerOpt assumed makes these suggestions, which a text report never prints.
        context.ReportAsAlsoAt(severity, sources[0].Source.Token.Span, others, new QuotedList(written), verb, contextDirectory, origin, consequence, fix);
    }

    // Trim('"') makes its params array on every call where the library has no Trim(char) (netstandard2.0).
    private static readonly char[] Quote = { '"' };

    /// <summary>A pattern that matches nothing is harmless when another source of the same COPY exists (both builders then copy that one).</summary>
    private static bool OtherSourceOfTheCopyExists(RuleContext context, MissingSource pattern, HashSet<ContextSource> missing) =>
        context.Facts.ContextSourcesOf(pattern.Source.Instruction).Any(s => !ReferenceEquals(s, pattern.Source) && !missing.Contains(s));

    /// <summary>
    /// The folder the missing paths are relative to, when the project's own files say so: for each missing source, a known
    /// file (the project, its references, its restore inputs) whose full path ends with it gives a candidate; all agree.
    /// </summary>
    private static string? BetterContext(RuleContext context, IReadOnlyList<string> missing, string contextDirectory)
    {
        if (context.Project is not { } project || missing.Count == 0)
        {
            return null;
        }
        var known = new[] { project.ProjectPath }.Concat(project.ProjectReferences).Concat(project.RestoreInputs)
            .Select(p => ContextPaths.NormalizeSeparators(p)).ToList();
        string? candidate = null;
        foreach (var source in missing)
        {
            string suffix = "/" + source.TrimEnd('/');
            var match = known.FirstOrDefault(k => k.EndsWith(suffix, StringComparison.Ordinal) || k.Contains(suffix + "/"));
            if (match is null)
            {
                return null;
            }
            int at = match.EndsWith(suffix, StringComparison.Ordinal) ? match.Length - suffix.Length : match.IndexOf(suffix + "/", StringComparison.Ordinal);
            string folder = match.Substring(0, at);
            if (candidate is not null && candidate != folder)
            {
                return null;
            }
            candidate = folder;
        }
        string current = ContextPaths.NormalizeSeparators(contextDirectory).TrimEnd('/');
        return candidate is null || candidate.Length == 0 || candidate == current ? null : candidate;
    }
}
