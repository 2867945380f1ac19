using ContainerOpt.Analysis.Facts;
using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Engine;

/// <summary>
/// In-file switches: <c># containeropt ignore=…</c> and <c># hadolint ignore=…</c> (next instruction),
/// their <c>global ignore=</c> (whole file) and <c>stage ignore=</c> (the stage the next FROM starts) forms
/// (<see cref="Pragma"/>), and BuildKit's <c># check=skip=…;error=true;experimental=…</c>
/// (as a directive for the file, or as a comment right above an instruction for that instruction's checks).
/// </summary>
internal sealed class Suppressions
{
    private static readonly Regex CheckComment = new(@"^check\s*=\s*(.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly List<string> _global = new();
    private readonly List<(int StartLine, int EndLine, string Key)> _local = new();
    private readonly List<string> _checkSkip = new();
    private readonly List<(int StartLine, int EndLine, string Key)> _localCheckSkip = new();
    private readonly List<string> _experimental = new();

    public bool CheckSkipAll { get; private set; }

    /// <summary>BuildKit's <c>check=error=true</c>: check warnings fail the build.</summary>
    public bool CheckErrors { get; private set; }

    /// <summary>
    /// Reads the pragmas of a file; <paramref name="checkOverride"/> (the BUILDKIT_DOCKERFILE_CHECK build argument) replaces its <c># check=</c>.
    /// With <paramref name="disableIgnorePragmas"/> (hadolint's disable-ignore-pragma) the <c>ignore=</c> comments are not read.
    /// </summary>
    public static Suppressions From(DockerfileSyntax syntax, string? checkOverride = null, bool disableIgnorePragmas = false)
    {
        var s = new Suppressions();
        foreach (var pragma in disableIgnorePragmas ? Array.Empty<Pragma>() : Pragma.In(syntax))
        {
            switch (pragma.Kind)
            {
                case PragmaKind.GlobalIgnore:
                    s._global.AddRange(pragma.Keys);
                    break;
                case PragmaKind.Ignore:
                    if (syntax.Instructions.FirstOrDefault(i => i.StartLine > pragma.Line) is { } target)
                    {
                        s._local.AddRange(pragma.Keys.Select(key => (target.StartLine, target.EndLine, key)));
                    }
                    break;
                case PragmaKind.StageIgnore:
                    // hadolint: only when a FROM follows right away; then up to the next FROM.
                    var next = syntax.Instructions.FirstOrDefault(i => i.StartLine > pragma.Line);
                    if (next is { Kind: InstructionKind.From })
                    {
                        var after = syntax.Instructions.FirstOrDefault(i => i.StartLine > next.StartLine && i.Kind == InstructionKind.From);
                        int end = after is null ? int.MaxValue : after.StartLine - 1;
                        s._local.AddRange(pragma.Keys.Select(key => (next.StartLine, end, key)));
                    }
                    break;
            }
        }
        // BuildKit merges a `# check=skip=...` comment directly above an instruction into the checks of that instruction only.
        foreach (var instruction in syntax.Instructions)
        {
            foreach (var comment in instruction.PrecedingComments)
            {
                foreach (var key in LocalCheckSkips(comment))
                {
                    s._localCheckSkip.Add((instruction.StartLine, instruction.EndLine, key));
                }
            }
        }
        string? check = checkOverride ?? syntax.FindDirective("check")?.Value;
        if (check is not null)
        {
            foreach (var part in check.Split(';'))
            {
                int eq = part.IndexOf('=');
                if (eq < 0) continue;
                string key = part.Substring(0, eq).Trim().ToLowerInvariant();
                var values = part.Substring(eq + 1).Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
                switch (key)
                {
                    case "skip":
                        if (values.Any(v => v.Equals("all", StringComparison.OrdinalIgnoreCase))) s.CheckSkipAll = true;
                        s._checkSkip.AddRange(values);
                        break;
                    case "error":
                        s.CheckErrors = values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
                        break;
                    case "experimental":
                        s._experimental.AddRange(values);
                        break;
                }
            }
        }
        return s;
    }

    /// <summary>True when the file enables an off-by-default (experimental) rule by one of its names.</summary>
    public bool IsExperimentalEnabled(DiagnosticDescriptor d) =>
        _experimental.Any(e => e.Equals("all", StringComparison.OrdinalIgnoreCase) || d.IsNamedBy(e));

    public bool IsSuppressed(Finding f)
    {
        if (_global.Any(f.IsNamedBy))
        {
            return true;
        }
        int line = f.Location.Start.Line;
        foreach (var (start, end, key) in _local)
        {
            if (line >= start && line <= end && f.IsNamedBy(key))
            {
                return true;
            }
        }
        if (IsBuildKitCheck(f))
        {
            if (CheckSkipAll || _checkSkip.Any(f.IsNamedBy))
            {
                return true;
            }
            foreach (var (start, end, key) in _localCheckSkip)
            {
                if (line >= start && line <= end && (key.Equals("all", StringComparison.OrdinalIgnoreCase) || f.IsNamedBy(key)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>A finding that stands for one of BuildKit's checks (an equivalent that is not a DL code).</summary>
    public static bool IsBuildKitCheck(Finding f) =>
        f.Equivalents.Any(e => !e.StartsWith("DL", StringComparison.Ordinal) && !e.StartsWith("SC", StringComparison.Ordinal));

    /// <summary>The skip list of a comment <c>check=skip=A,B</c> (a trailing <c>// remark</c> ignored).</summary>
    private static IEnumerable<string> LocalCheckSkips(string comment)
    {
        var m = CheckComment.Match(comment);
        if (!m.Success)
        {
            yield break;
        }
        string value = m.Groups[1].Value;
        int remark = value.IndexOf("//", StringComparison.Ordinal);
        if (remark >= 0)
        {
            value = value.Substring(0, remark);
        }
        foreach (var part in value.Split(';'))
        {
            int eq = part.IndexOf('=');
            if (eq < 0 || !part.Substring(0, eq).Trim().Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var v in part.Substring(eq + 1).Split(','))
            {
                string key = v.Trim();
                if (key.Length > 0)
                {
                    yield return key;
                }
            }
        }
    }
}
