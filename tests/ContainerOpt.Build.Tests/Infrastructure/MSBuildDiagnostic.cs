using System.Text.RegularExpressions;

namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>
/// One diagnostic line of MSBuild's console logger in its canonical form:
/// <c>origin(line,col[,endline,endcol]): [subcategory ]warning|error CODE: message [project]</c>.
/// </summary>
internal sealed record MSBuildDiagnostic(
    string Origin, int Line, int Column, int EndLine, int EndColumn, string Subcategory, string Kind, string Code, string Message, string Project, string RawLine)
{
    /// <summary>The canonical format Visual Studio's Error List and CI log parsers read.</summary>
    public static readonly Regex Canonical = new(
        @"^\s*(?:\d+>)?(?<origin>.*?)(?:\((?<line>\d+)(?:,(?<col>\d+)(?:,(?<endline>\d+),(?<endcol>\d+))?)?\))?\s*:\s*(?:(?<sub>[^:]*?)\s+)?(?<kind>warning|error)\s+(?<code>[A-Za-z]*\d+)\s*:\s*(?<msg>.*?)(?:\s+\[(?<project>[^\]]*)\])?\s*$",
        RegexOptions.CultureInvariant);

    public bool IsError => Kind == "error";
    public bool IsWarning => Kind == "warning";

    /// <summary>(line,col,endline,endcol) as MSBuild printed it.</summary>
    public string Span => $"({Line},{Column},{EndLine},{EndColumn})";

    public static MSBuildDiagnostic? TryParse(string line)
    {
        var m = Canonical.Match(line);
        if (!m.Success)
        {
            return null;
        }
        static int Int(Group g) => g.Success ? int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new MSBuildDiagnostic(
            m.Groups["origin"].Value.Trim(), Int(m.Groups["line"]), Int(m.Groups["col"]), Int(m.Groups["endline"]), Int(m.Groups["endcol"]),
            m.Groups["sub"].Value, m.Groups["kind"].Value, m.Groups["code"].Value, m.Groups["msg"].Value, m.Groups["project"].Value, line);
    }

    /// <summary>
    /// The diagnostics of a build's console output, each as often as it was logged: the lines after
    /// the closing "Build succeeded." / "Build FAILED." (the summary that repeats every warning and
    /// error) are left out.
    /// </summary>
    public static IReadOnlyList<MSBuildDiagnostic> ParseBuildOutput(string stdout)
    {
        var lines = stdout.Replace("\r\n", "\n").Split('\n');
        int end = lines.Length;
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            var t = lines[i].Trim();
            if (t == "Build succeeded." || t == "Build FAILED." || t.StartsWith("Build succeeded with ", StringComparison.Ordinal) || t.StartsWith("Build failed with ", StringComparison.Ordinal))
            {
                end = i;
                break;
            }
        }
        var list = new List<MSBuildDiagnostic>();
        for (int i = 0; i < end; i++)
        {
            var d = TryParse(lines[i]);
            if (d is null)
            {
                continue;
            }
            // MSBuild prints each line of a multi-line message with the whole prefix again ("…: error COPT0014:   cause"):
            // one diagnostic, whose message has the lines joined by '\n'.
            if (list.Count > 0 && ContinuationText(lines[i], d) is { } continuation && list[^1] is var previous
                && (previous.Origin, previous.Span, previous.Kind, previous.Code, previous.Project) == (d.Origin, d.Span, d.Kind, d.Code, d.Project))
            {
                list[^1] = previous with { Message = previous.Message + "\n" + continuation, RawLine = previous.RawLine + "\n" + lines[i] };
                continue;
            }
            list.Add(d);
        }
        return list;
    }

    /// <summary>The text of a continuation line (after "CODE: ", its indentation kept), or null when the message does not start indented.</summary>
    private static string? ContinuationText(string line, MSBuildDiagnostic d)
    {
        string marker = $"{d.Kind} {d.Code}: ";
        int at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || at + marker.Length >= line.Length || line[at + marker.Length] != ' ')
        {
            return null;
        }
        string text = line.Substring(at + marker.Length).TrimEnd();
        string suffix = d.Project.Length > 0 ? $" [{d.Project}]" : "";
        return suffix.Length > 0 && text.EndsWith(suffix, StringComparison.Ordinal) ? text.Substring(0, text.Length - suffix.Length) : text;
    }

    public override string ToString() => RawLine.Trim();
}
