using System.Text;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>
/// Runs ShellCheck on every script of a Dockerfile's RUNs (<see cref="ShellCheckScripts"/>) and turns its
/// comments into COPT2200 findings at the exact source span, each carrying its SC code as equivalent.
/// <para>
/// Few processes per Dockerfile: each script is written to its own file in a temporary folder (<c>0.sh</c>,
/// <c>1.sh</c>…) and one <c>shellcheck</c> checks a batch of them; the batches (one per core, at least two
/// scripts each) run side by side. A process per script pays ShellCheck's start every time; one process for all
/// leaves the other cores idle (README "ShellCheck" has the measurements). Each file starts with two lines: the <c>shell=</c> directive (the stage's dialect; ShellCheck's in-file
/// form of <c>--shell</c>, which lets one process check scripts of different shells) and an <c>export</c> of the
/// names the stage declares (ARG, ENV, proxy variables: as hadolint, so SC2154 is not reported for them). Options:
/// <c>--format=json1</c>, <c>--norc</c> (a .shellcheckrc would change findings behind the cache key),
/// <c>--exclude=SC1090,SC2187</c> (hadolint's default exclusions: a <c>source</c> of a computed path cannot be
/// followed; "ash is checked as dash").
/// </para>
/// Never throws: a ShellCheck that cannot start, fails or times out is one COPT0016 warning.
/// </summary>
public static class ShellCheckRunner
{
    /// <summary>The script's first lines are the runner's: the dialect directive and the declarations.</summary>
    private const int PreludeLines = 2;

    private static readonly string[] Options = { "--norc", "--format=json1", "--exclude=SC1090,SC2187" };

    /// <summary>True when the configuration switches ShellCheck off as a whole (ignores COPT2200 or <c>shellcheck</c>, or sets it to none): it is then not run, nor even looked for.</summary>
    public static bool IsSwitchedOff(Configuration.AnalysisOptions options)
    {
        var descriptor = DiagnosticCatalog.ShellCheck;
        bool Names(string key) =>
            key.Equals(descriptor.Id, StringComparison.OrdinalIgnoreCase) || key.Equals(descriptor.Name, StringComparison.OrdinalIgnoreCase);
        return options.Ignored.Any(Names) || options.Severities.Any(p => p.Value == DiagnosticSeverity.None && Names(p.Key));
    }

    public static IReadOnlyList<Finding> Check(DockerfileFacts facts, ShellCheckTool tool)
    {
        string path = facts.Source.Path ?? "Dockerfile";
        try
        {
            var scripts = ShellCheckScripts.Collect(facts);
            var findings = new List<Finding>();
            if (scripts.Count == 0)
            {
                return findings;
            }
            var mode = facts.Options.EffectiveMode;
            var batches = Batches(scripts, tool);
            var results = new (List<Finding> Findings, string? Failure)[batches.Count];
            void RunOne(int b)
            {
                var found = new List<Finding>();
                RunBatch(tool, batches[b], facts.Source, mode, found, out string? failure);
                results[b] = (found, failure);
            }
            if (batches.Count == 1)
            {
                RunOne(0);
            }
            else
            {
                Parallel.For(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, tool.MaxParallelProcesses) }, RunOne);
            }
            foreach (var (found, failure) in results)
            {
                if (failure is not null)
                {
                    return new[] { DockerfileInput.FileProblem(DiagnosticCatalog.ShellCheckFailed, path, tool.Path, failure) };
                }
                findings.AddRange(found);
            }
            return Deduplicate(findings);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is IOException or UnauthorizedAccessException or System.Security.SecurityException))
        {
            return new[] { DockerfileInput.FileProblem(DiagnosticCatalog.ShellCheckFailed, path, tool.Path, $"the scripts could not be written to a temporary folder: {e.InnerExceptions[0].Message}") };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return new[] { DockerfileInput.FileProblem(DiagnosticCatalog.ShellCheckFailed, path, tool.Path, $"the scripts could not be written to a temporary folder: {e.Message}") };
        }
    }

    /// <summary>
    /// The scripts split over processes: as many as the machine has cores (ShellCheck's own analysis, not its
    /// start, is most of the time once a file has a few scripts), at least two scripts each, at most
    /// <see cref="ShellCheckTool.ScriptsPerProcess"/>; in file order, evenly.
    /// </summary>
    private static List<List<ShellCheckScript>> Batches(IReadOnlyList<ShellCheckScript> scripts, ShellCheckTool tool)
    {
        int n = scripts.Count;
        int perProcess = Math.Max(1, tool.ScriptsPerProcess);
        int count = Math.Max((n + perProcess - 1) / perProcess, Math.Min(Math.Max(1, tool.MaxParallelProcesses), (n + 1) / 2));
        count = Math.Max(1, Math.Min(count, n));
        var batches = new List<List<ShellCheckScript>>(count);
        for (int b = 0; b < count; b++)
        {
            int from = (int)((long)b * n / count), to = (int)((long)(b + 1) * n / count);
            batches.Add(scripts.Skip(from).Take(to - from).ToList());
        }
        return batches;
    }

    /// <summary>The text ShellCheck reads for a script: the dialect directive, the declarations, then the script.</summary>
    public static string FileText(ShellCheckScript script, Version version)
    {
        var sb = new StringBuilder(script.Text.Length + 64);
        sb.Append("# shellcheck shell=").Append(script.Dialect.DirectiveName(version)).Append('\n');
        if (script.Variables.Count > 0)
        {
            sb.Append("export");
            foreach (var name in script.Variables)
            {
                sb.Append(' ').Append(name).Append("=1");
            }
        }
        sb.Append('\n');
        sb.Append(script.Text);
        return sb.ToString();
    }

    private static bool RunBatch(ShellCheckTool tool, IReadOnlyList<ShellCheckScript> batch, SourceText source, AnalysisMode mode, List<Finding> findings, out string? failure)
    {
        failure = null;
        string folder = Path.Combine(Path.GetTempPath(), "containeropt-shellcheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var arguments = new List<string>(Options);
            var utf8 = new UTF8Encoding(false);
            for (int i = 0; i < batch.Count; i++)
            {
                string name = i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".sh";
                File.WriteAllText(Path.Combine(folder, name), FileText(batch[i], tool.Version), utf8);
                arguments.Add(name);
            }
            var result = ShellCheckProcess.Run(tool.Path, arguments, folder, tool.Timeout);
            if (result.StartError is not null)
            {
                failure = result.StartError;
                return false;
            }
            if (result.TimedOut)
            {
                failure = $"it did not finish within {tool.Timeout.TotalSeconds:0} s and was stopped.";
                return false;
            }
            // 0: nothing to report; 1: comments. Anything else (bad options, unreadable files) is a failure.
            var comments = result.ExitCode is 0 or 1 ? ShellCheckJson.Read(result.StandardOutput) : null;
            if (comments is null)
            {
                failure = $"it exited with code {result.ExitCode}" + (result.Tail() is { Length: > 0 } tail ? ": " + tail : ".");
                return false;
            }
            foreach (var group in comments.GroupBy(c => c.File))
            {
                if (!int.TryParse(Path.GetFileNameWithoutExtension(group.Key), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out int index) || index >= batch.Count)
                {
                    continue;
                }
                AddFindings(batch[index], group.ToList(), source, mode, findings);
            }
            return true;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static void AddFindings(ShellCheckScript script, List<ShellCheckComment> comments, SourceText source, AnalysisMode mode, List<Finding> findings)
    {
        var lines = LineStarts(script.Text);
        bool certain = ShellCheckSeverities.IsCertainSyntaxError(comments.Select(c => c.Code), script.Text, script.Dialect);
        var descriptor = DiagnosticCatalog.ShellCheck;
        foreach (var c in comments)
        {
            if (c.Line <= PreludeLines)
            {
                continue;
            }
            int start = Offset(script.Text, lines, c.Line - PreludeLines, c.Column);
            int end = Math.Max(start, Offset(script.Text, lines, c.EndLine - PreludeLines, c.EndColumn));
            if (end == start && start < script.Text.Length && script.Text[start] != '\n')
            {
                // ShellCheck points at a position (a parse error): cover its character, so editors can underline it.
                end = start + (char.IsHighSurrogate(script.Text[start]) && start + 1 < script.Text.Length ? 2 : 1);
            }
            var span = script.SpanOf(start, end);
            var (severity, tier) = ShellCheckSeverities.Classify(c.Level, c.Code, certain, mode);
            string code = "SC" + c.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string message = descriptor.FormatMessage(code, c.Message.Trim(), "https://www.shellcheck.net/wiki/" + code);
            findings.Add(new Finding(descriptor, severity, message, source.Path, source.GetLinePositionSpan(span), span, new[] { code }, tier));
        }
    }

    /// <summary>The same comment on the same span once (a body checked in the composed command line and on its own).</summary>
    private static List<Finding> Deduplicate(List<Finding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return findings.Where(f => seen.Add(f.Span.Start + ":" + f.Span.End + ":" + f.Message)).ToList();
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    /// <summary>The script offset of ShellCheck's 1-based line and column (columns count characters, so a surrogate pair is one); clamped to the script.</summary>
    private static int Offset(string text, List<int> lines, int line, int column)
    {
        if (line < 1)
        {
            return 0;
        }
        if (line > lines.Count)
        {
            return text.Length;
        }
        int offset = lines[line - 1];
        int lineEnd = line < lines.Count ? lines[line] : text.Length;
        for (int col = 1; col < column && offset < lineEnd; col++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < lineEnd && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }
        return offset;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder costs nothing but space.
        }
    }
}
