using System.Reflection;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Dockerfile.Tests.Expansion;

/// <summary>
/// BuildKit's shell lexer tables (<c>buildkit/shell/envVarTest</c> and <c>wordsTest</c>), read in
/// place from the shared corpus and interpreted the way BuildKit's <c>lex_test.go</c> does.
/// Every table row is its own test; a missing corpus makes one inconclusive placeholder row.
/// </summary>
[TestClass]
public sealed class ShellLexConformanceTests
{
    private const string MissingCorpus = "(corpus missing)";

    // ---- envVarTest ------------------------------------------------------------------------

    /// <summary>One row per A (all) and U (Unix) line: line number, input, expected.</summary>
    public static IEnumerable<object[]> EnvVarCases
    {
        get
        {
            var path = CorpusFile("envVarTest");
            if (path is null)
            {
                yield return new object[] { 0, MissingCorpus, MissingCorpus };
                yield break;
            }
            foreach (var row in ReadEnvVarTable(path))
            {
                if (row.Platform == "A" || row.Platform == "U")
                {
                    yield return new object[] { row.Line, row.Input, row.Expected };
                }
            }
        }
    }

    public static string EnvVarDisplayName(MethodInfo method, object[] data) =>
        $"envVarTest:{data[0]} {data[1]}";

    [TestMethod]
    [DynamicData(nameof(EnvVarCases), DynamicDataDisplayName = nameof(EnvVarDisplayName))]
    public void EnvVarTest_row(int line, string input, string expected)
    {
        if (line == 0) Assert.Inconclusive(MissingCorpusMessage());

        // BuildKit's TestShellParser4EnvVars: PWD=/home, SHELL=bash, KOREAN=한국어, NULL= and nothing else.
        var env = new DictionaryVariableLookup(new Dictionary<string, string>
        {
            ["PWD"] = "/home",
            ["SHELL"] = "bash",
            ["KOREAN"] = "한국어",
            ["NULL"] = "",
        });
        var result = new ShellLex('\\').ProcessWord(input, env);
        if (expected == "error")
        {
            Assert.IsFalse(result.Success, $"envVarTest line {line}: {input} should fail but gave \"{result.Result}\"");
            Assert.AreEqual("", result.Result);
        }
        else
        {
            Assert.IsTrue(result.Success, $"envVarTest line {line}: {input} failed: {result.Error}");
            Assert.AreEqual(expected, result.Result, $"envVarTest line {line}: {input}");
        }
    }

    [TestMethod]
    public void EnvVarTest_table_is_well_formed_and_windows_rows_are_only_counted()
    {
        var path = CorpusFile("envVarTest");
        if (path is null) Assert.Inconclusive(MissingCorpusMessage());
        var rows = ReadEnvVarTable(path).ToList();
        int run = rows.Count(r => r.Platform is "A" or "U");
        int windows = rows.Count(r => r.Platform == "W");
        Console.WriteLine($"envVarTest: {run} A/U rows run, {windows} W rows not run (Windows only).");
        Assert.IsTrue(run > 0);
        Assert.AreEqual(rows.Count, run + windows, "every row is A, U or W");
    }

    private sealed record EnvVarRow(int Line, string Platform, string Input, string Expected);

    /// <summary>
    /// Like BuildKit's reader: lines starting with '#' are comments; the rest is trimmed, blank
    /// lines are skipped, and each row is three '|'-separated columns, each trimmed of whitespace.
    /// </summary>
    private static IEnumerable<EnvVarRow> ReadEnvVarTable(string path)
    {
        int lineNumber = 0;
        foreach (var raw in ReadLines(path))
        {
            lineNumber++;
            if (raw.StartsWith('#')) continue;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var columns = line.Split('|');
            if (columns.Length != 3)
            {
                throw new InvalidDataException($"envVarTest line {lineNumber}: expected 3 columns: {raw}");
            }
            var platform = columns[0].Trim();
            if (platform is not ("A" or "U" or "W"))
            {
                throw new InvalidDataException($"envVarTest line {lineNumber}: invalid platform {platform}");
            }
            yield return new EnvVarRow(lineNumber, platform, columns[1].Trim(), columns[2].Trim());
        }
    }

    // ---- wordsTest -------------------------------------------------------------------------

    /// <summary>One row per table line: line number, input, expected words joined by ',', ENV lines so far (joined by '\n').</summary>
    public static IEnumerable<object[]> WordsCases
    {
        get
        {
            var path = CorpusFile("wordsTest");
            if (path is null)
            {
                yield return new object[] { 0, MissingCorpus, MissingCorpus, "" };
                yield break;
            }
            // BuildKit's TestShellParser4Words: '#' lines are comments; "ENV k=v" lines add to
            // the environment of the rows after them (the text after "ENV", left-trimmed of
            // spaces, split at the first '='; trailing spaces are part of the value).
            var envLines = new List<string>();
            int lineNumber = 0;
            foreach (var line in ReadLines(path))
            {
                lineNumber++;
                if (line.StartsWith('#')) continue;
                if (line.StartsWith("ENV ", StringComparison.Ordinal))
                {
                    envLines.Add(line.Substring(3).TrimStart(' '));
                    continue;
                }
                var columns = line.Split('|');
                if (columns.Length != 2)
                {
                    throw new InvalidDataException($"wordsTest line {lineNumber}: should be exactly one | in: {line}");
                }
                // The input is trimmed; the expected column only loses its leading spaces.
                yield return new object[] { lineNumber, columns[0].Trim(), columns[1].TrimStart(' '), string.Join("\n", envLines) };
            }
        }
    }

    public static string WordsDisplayName(MethodInfo method, object[] data) =>
        $"wordsTest:{data[0]} {data[1]}";

    [TestMethod]
    [DynamicData(nameof(WordsCases), DynamicDataDisplayName = nameof(WordsDisplayName))]
    public void WordsTest_row(int line, string input, string expected, string envLines)
    {
        if (line == 0) Assert.Inconclusive(MissingCorpusMessage());

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in envLines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = entry.IndexOf('=');
            if (eq < 0) env[entry] = "";
            else env[entry.Substring(0, eq)] = entry.Substring(eq + 1);
        }

        var result = new ShellLex('\\').ProcessWords(input, new DictionaryVariableLookup(env));
        var expectedWords = expected.Split(',');
        if (expectedWords.Length == 1 && expectedWords[0] == "error")
        {
            Assert.IsFalse(result.Success, $"wordsTest line {line}: {input} should fail but gave [{string.Join("|", result.Words)}]");
            Assert.AreEqual(0, result.Words.Count);
            return;
        }
        Assert.IsTrue(result.Success, $"wordsTest line {line}: {input} failed: {result.Error}");
        CollectionAssert.AreEqual(expectedWords, result.Words.ToArray(),
            $"wordsTest line {line}: {input} gave [{string.Join("|", result.Words)}], expected [{string.Join("|", expectedWords)}]");
    }

    // ---- corpus access ---------------------------------------------------------------------

    private static string? CorpusFile(string name)
    {
        if (Corpus.Root is null) return null;
        var path = Path.Combine(Corpus.Root, "buildkit", "shell", name);
        return File.Exists(path) ? path : null;
    }

    private static string MissingCorpusMessage() =>
        "corpus not found at " + (Corpus.Root is null
            ? Path.GetFullPath(Path.Combine(Corpus.RepoRoot, "..", "shared", "corpus")) + " (nor $CONTAINEROPT_CORPUS)"
            : Path.Combine(Corpus.Root, "buildkit", "shell"));

    /// <summary>Lines as Go's bufio.Scanner gives them: split at '\n', a trailing '\r' dropped.</summary>
    private static IEnumerable<string> ReadLines(string path)
    {
        var text = File.ReadAllText(path, System.Text.Encoding.UTF8);
        var lines = text.Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[count - 1].Length == 0) count--; // no empty token after the final newline
        for (int i = 0; i < count; i++)
        {
            var line = lines[i];
            yield return line.EndsWith('\r') ? line.Substring(0, line.Length - 1) : line;
        }
    }
}
