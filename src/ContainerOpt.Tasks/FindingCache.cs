using System.Text;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Tasks;

/// <summary>
/// The last analysis' findings in obj/, keyed by a hash of every input, so an incremental build
/// re-logs the same warnings without parsing anything. Written atomically; a corrupt or foreign
/// file is simply a miss.
/// </summary>
internal sealed class FindingCache
{
    private const string Header = "containeropt findings v5";
    private readonly string _path;

    public FindingCache(string path) => _path = Path.GetFullPath(path);

    /// <summary>
    /// The cached findings when the key matches and <paramref name="probesHold"/> says the recorded context probes (path →
    /// existed) still get the same answers.
    /// </summary>
    public bool TryRead(string key, out IReadOnlyList<LoggedFinding> findings, Func<IEnumerable<KeyValuePair<string, bool>>, bool>? probesHold = null)
    {
        findings = Array.Empty<LoggedFinding>();
        try
        {
            if (!File.Exists(_path))
            {
                return false;
            }
            var lines = File.ReadAllLines(_path, Encoding.UTF8);
            if (lines.Length < 2 || lines[0] != Header || lines[1] != key)
            {
                return false;
            }
            var list = new List<LoggedFinding>(lines.Length - 2);
            var probes = new List<KeyValuePair<string, bool>>();
            for (int i = 2; i < lines.Length; i++)
            {
                var f = lines[i].Split('\t');
                if (f.Length == 3 && f[0] == "probe")
                {
                    probes.Add(new KeyValuePair<string, bool>(Unescape(f[2]), f[1] == "1"));
                    continue;
                }
                if (f.Length != 13 || !DiagnosticSeverityText.TryParse(f[1], out var severity))
                {
                    return false;
                }
                var equivalents = Unescape(f[9]).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries);
                list.Add(new LoggedFinding(f[0], severity, Unescape(f[2]), Unescape(f[3]), Int(f[4]), Int(f[5]), Int(f[6]), Int(f[7]), Unescape(f[8]), equivalents,
                    Spans(f[10]), f[11].Length == 0 ? null : f[11], Fix(f[12])));
            }
            if (probesHold is not null && probes.Count > 0 && !probesHold(probes))
            {
                return false;
            }
            findings = list;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }

    public void Write(string key, IReadOnlyList<LoggedFinding> findings, IReadOnlyDictionary<string, bool>? probes = null)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n').Append(key).Append('\n');
        foreach (var probe in probes ?? new Dictionary<string, bool>())
        {
            sb.Append("probe\t").Append(probe.Value ? '1' : '0').Append('\t').Append(Escape(probe.Key)).Append('\n');
        }
        foreach (var f in findings)
        {
            sb.Append(f.Code).Append('\t').Append(f.Severity.ToText()).Append('\t').Append(Escape(f.Message)).Append('\t')
              .Append(Escape(f.File)).Append('\t').Append(f.Line).Append('\t').Append(f.Column).Append('\t')
              .Append(f.EndLine).Append('\t').Append(f.EndColumn).Append('\t').Append(Escape(f.HelpLink)).Append('\t')
              .Append(Escape(string.Join(";", f.Equivalents))).Append('\t')
              .Append(string.Join(";", f.AdditionalLocations.Select(l => $"{l.Start.Line},{l.Start.Column},{l.End.Line},{l.End.Column}"))).Append('\t')
              .Append(f.Fingerprint ?? "").Append('\t')
              .Append(f.Fix is null ? "" : WriteFix(f.Fix)).Append('\n');
        }
        try
        {
            Core.IO.AtomicFile.WriteAllText(_path, sb.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs only speed on the next build.
        }
    }

    private static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Additional locations as written: <c>line,column,endLine,endColumn</c> separated by ';'.</summary>
    private static IReadOnlyList<LinePositionSpan> Spans(string s) =>
        s.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(one =>
        {
            var n = one.Split(',');
            if (n.Length != 4) throw new FormatException("a span needs four numbers");
            return new LinePositionSpan(new LinePosition(Int(n[0]), Int(n[1])), new LinePosition(Int(n[2]), Int(n[3])));
        }).ToArray();

    /// <summary>
    /// A fix as one field: its title, then per edit <c>start,length,line,column,endLine,endColumn,newText</c>, each part
    /// escaped and joined by the unit separator (U+001F, which Escape leaves alone and no Dockerfile text needs).
    /// </summary>
    private static string WriteFix(CodeFix fix)
    {
        var parts = new List<string> { Escape(fix.Title) };
        foreach (var e in fix.Edits)
        {
            parts.Add(string.Join(",", e.Span.Start, e.Span.Length, e.Location.Start.Line, e.Location.Start.Column, e.Location.End.Line, e.Location.End.Column));
            parts.Add(Escape(e.NewText));
        }
        return string.Join(FixSeparator, parts);
    }

    private static CodeFix? Fix(string field)
    {
        if (field.Length == 0) return null;
        var parts = field.Split(new[] { FixSeparator }, StringSplitOptions.None);
        if (parts.Length % 2 != 1) throw new FormatException("a fix needs a title and pairs of position and text");
        var edits = new List<FixEdit>();
        for (int i = 1; i < parts.Length; i += 2)
        {
            var n = parts[i].Split(',');
            if (n.Length != 6) throw new FormatException("an edit needs six numbers");
            edits.Add(new FixEdit(new TextSpan(Int(n[0]), Int(n[1])),
                new LinePositionSpan(new LinePosition(Int(n[2]), Int(n[3])), new LinePosition(Int(n[4]), Int(n[5]))), Unescape(parts[i + 1])));
        }
        return new CodeFix(Unescape(parts[0]), edits);
    }

    private const string FixSeparator = "\u001f";

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                char n = s[++i];
                sb.Append(n switch { 't' => '\t', 'r' => '\r', 'n' => '\n', _ => n });
                continue;
            }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
