using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Picks, from what a failing step printed, the few lines that say why it failed, so COPT0014 carries the cause at
/// the default verbosity (the whole output streams into the log at normal importance only):
/// <list type="number">
/// <item>coded errors as MSBuild, the compiler, NuGet and the SDK print them (<c>: error CS1002:</c>,
/// <c>error NETSDK1013:</c>, <c>error NU1301:</c>, <c>MSBUILD : error MSB1009:</c>): the first
/// <see cref="MaxLines"/>, once each (a multi-targeted project repeats an error per framework);</item>
/// <item>else lines that read as errors (<c>E: Unable to locate package</c>, <c>npm ERR!</c>, <c>fatal:</c>,
/// <c>No such file or directory</c>, an unhandled exception): the last <see cref="MaxLines"/>;</item>
/// <item>else the last <see cref="MaxPlainLines"/> lines the step printed.</item>
/// </list>
/// Blank lines, restore and progress chatter, timing and summary lines and MSBuild warnings never count; ANSI
/// escapes are stripped, a carriage-return progress line keeps its last state, secret-looking assignments and
/// credentials are masked (<see cref="CommandLineRedactor.RedactSecrets"/>) and long lines are shortened.
/// </summary>
public static class BuildFailureCause
{
    /// <summary>At most this many coded or error-like lines.</summary>
    public const int MaxLines = 5;

    /// <summary>At most this many lines when nothing reads as an error.</summary>
    public const int MaxPlainLines = 3;

    /// <summary>A line longer than this is cut, with an ellipsis.</summary>
    public const int MaxLineLength = 500;

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // "\e[31m", "\e[?25l", OSC titles "\e]0;…\a".
    private static readonly Regex Ansi = new(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])", Options);

    // MSBuild's canonical "origin: [subcategory] error CODE: message", the code letters then digits.
    private static readonly Regex CodedError = new(@"(?:^|[\s:])error\s+[A-Za-z]+\d+\s*:", Options | RegexOptions.IgnoreCase);

    private static readonly Regex CodedWarning = new(@"(?:^|[\s:])warning\s+[A-Za-z]+\d+\s*:", Options | RegexOptions.IgnoreCase);

    private static readonly Regex ErrorLike = new(
        @"\b(?:error|errors|fatal|failed|failure|cannot|can't|could not|couldn't|unable to|denied|not found|no such file|exception|segmentation fault|killed)\b|^E: |ERR!|^panic:",
        Options | RegexOptions.IgnoreCase);

    // Lines that say nothing about a failure: restore and build chatter, summaries, timings, progress.
    private static readonly Regex Noise = new(
        @"^(?:" +
        @"Determining projects to restore\.*" +
        @"|All projects are up-to-date for restore\." +
        @"|Restored .+ \(in [\d.,]+ (?:ms|sec|s|min)\)\." +
        @"|Nothing to do\. None of the projects specified contain packages to restore\." +
        @"|Time Elapsed [\d:.,]+" +
        @"|\d+ (?:Warning|Error)\(s\)" +
        @"|Build (?:succeeded|FAILED)\.?" +
        @"|Build (?:succeeded|failed) with \d+ (?:error|warning)\(s\)(?: and \d+ (?:error|warning)\(s\))? in [\d.,]+s" +
        @"|Restore (?:complete|succeeded|failed)(?: with \d+ (?:error|warning)\(s\))? \([\d.,]+s\)" +
        @"|MSBuild version .*|Microsoft \(R\) Build Engine.*|Copyright \(C\) Microsoft.*" +
        @"|Welcome to \.NET.*|Workload updates are available.*" +
        @"|\S+ -> /.*|\S+ -> [A-Za-z]:\\.*" +
        @"|(?:real|user|sys)\s+\d+m[\d.,]+s" +
        @"|DONE [\d.,]+s|[\d.,]+ ?(?:s|ms|sec)" +
        @"|\d{1,3}(?:[.,]\d+)?\s?%.*|.*\s\d{1,3}(?:[.,]\d+)?%\s*(?:\[[^\]]*\])?.*(?:ETA|eta|[KMG]i?B/s).*" +
        @"|\[?[#=>\-. ]{8,}\]?.*" +
        @"|(?:Get|Hit|Ign|Err):\d+ https?://\S+.*" +
        @"|Reading package lists\.*(?: Done)?|Building dependency tree\.*(?: Done)?|Reading state information\.*(?: Done)?" +
        @"|Removing intermediate container \S+" +
        @")$",
        Options);

    private static readonly Regex NodePrefix = new(@"^\d+>\s*", Options);

    private static readonly Regex ProjectSuffix = new(@"\s+\[[^\]]+\]$", Options);

    /// <summary>The lines that explain the failure, in the order the step printed them; none when it printed nothing useful.</summary>
    public static IReadOnlyList<string> Select(IEnumerable<string>? output)
    {
        if (output is null) return Array.Empty<string>();

        var lines = new List<string>();
        foreach (string raw in output)
        {
            string? line = Clean(raw);
            if (line is not null) lines.Add(line);
        }

        List<string> coded = Distinct(lines.Where(l => CodedError.IsMatch(l)));
        if (coded.Count > 0) return coded.Take(MaxLines).ToArray();

        List<string> errorLike = Distinct(lines.Where(l => ErrorLike.IsMatch(l)));
        if (errorLike.Count > 0) return errorLike.Skip(Math.Max(0, errorLike.Count - MaxLines)).ToArray();

        List<string> plain = Distinct(lines);
        return plain.Skip(Math.Max(0, plain.Count - MaxPlainLines)).ToArray();
    }

    // What the builder names as the failure often only repeats the RUN's command around its exit code.
    private static readonly Regex[] RestatedCommand =
    {
        new(@"^executor failed running \[.*\]: (exit code: -?\d+)$", Options | RegexOptions.Singleline),
        new(@"^process "".*"" did not complete successfully: (exit code: -?\d+)$", Options | RegexOptions.Singleline),
        new(@"^The command '.*' returned a non-zero code: (-?\d+)$", Options | RegexOptions.Singleline),
    };

    /// <summary>
    /// The builder's failure message without the command it restates (the finding names the instruction already):
    /// <c>executor failed running [/bin/sh -c dotnet restore]: exit code: 1</c>, BuildKit's
    /// <c>process "/bin/sh -c …" did not complete successfully: exit code: 1</c> and the legacy builder's
    /// <c>The command '/bin/sh -c …' returned a non-zero code: 1</c> all become <c>exit code: 1</c>; any other message
    /// is kept as it is.
    /// </summary>
    public static string ShortReason(string message)
    {
        string trimmed = message.Trim();
        for (int i = 0; i < RestatedCommand.Length; i++)
        {
            Match m = RestatedCommand[i].Match(trimmed);
            if (m.Success) return i == 2 ? "exit code: " + m.Groups[1].Value : m.Groups[1].Value;
        }
        return trimmed;
    }

    /// <summary>The reason followed by the cause lines, each on a line of its own, indented under the first.</summary>
    public static string Describe(string reason, IReadOnlyList<string> cause) =>
        cause.Count == 0 ? reason : reason + string.Concat(cause.Select(l => "\n  " + l));

    private static string? Clean(string raw)
    {
        string text = raw;
        int cr = text.TrimEnd('\r').LastIndexOf('\r');
        if (cr >= 0) text = text.Substring(cr + 1); // a progress line redrawn in place: its last state
        text = Ansi.Replace(text, "");
        text = new string(text.Where(c => c == '\t' || !char.IsControl(c)).ToArray()).Trim();
        text = NodePrefix.Replace(text, ""); // "1>" of MSBuild's detailed output on several nodes
        if (text.Length == 0 || Noise.IsMatch(text) || CodedWarning.IsMatch(text) && !CodedError.IsMatch(text)) return null;
        text = CommandLineRedactor.RedactSecrets(text);
        return text.Length > MaxLineLength ? text.Substring(0, MaxLineLength - 1).TrimEnd() + "…" : text;
    }

    /// <summary>Once each, the first occurrence kept; a trailing "[project]" does not make a line different.</summary>
    private static List<string> Distinct(IEnumerable<string> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string line in lines)
        {
            if (seen.Add(ProjectSuffix.Replace(line, ""))) result.Add(line);
        }
        return result;
    }
}
