#:project ../src/ContainerOpt.Core/ContainerOpt.Core.csproj
// Writes what the catalogue decides into the docs: every help page's **Modes** line (and **Fix** line, for a rule with a fixer), README's diagnostics count
// and its mode table's counts. The catalogue tests fail when these drift; run `bash build/sync-docs.sh` to fix them.
using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;

string root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
if (!File.Exists(Path.Combine(root, "README.md")))
{
    root = Directory.GetCurrentDirectory();
}
int changed = 0;
foreach (var d in DiagnosticCatalog.All)
{
    string page = Path.Combine(root, "docs", "rules", d.Id + ".md");
    string text = File.ReadAllText(page);
    string line = "**Modes:** " + DiagnosticCatalog.ModesLine(d) + " ([what the modes mean](../modes.md))";
    string updated = text.Contains("**Modes:**", StringComparison.Ordinal)
        ? Regex.Replace(text, @"\*\*Modes:\*\*[^\n]*", _ => line)
        : text.Insert(text.IndexOf("\n\n", text.IndexOf("**", StringComparison.Ordinal), StringComparison.Ordinal), "\n\n" + line);
    // The fixer's line follows the Modes line on the pages of fixable rules, and is on no other page.
    string? fix = DiagnosticCatalog.FixLine(d);
    updated = Regex.Replace(updated, @"\n\n\*\*Fix:\*\*[^\n]*", "");
    if (fix is not null)
    {
        int modes = updated.IndexOf("**Modes:**", StringComparison.Ordinal);
        int end = updated.IndexOf('\n', modes);
        updated = updated.Insert(end < 0 ? updated.Length : end, "\n\n" + fix);
    }
    if (updated != text)
    {
        File.WriteAllText(page, updated);
        changed++;
    }
}
string readmePath = Path.Combine(root, "README.md");
string readme = File.ReadAllText(readmePath);
int rules = DiagnosticCatalog.All.Count(d => d.Category is not (DiagnosticCategories.Tool or DiagnosticCategories.Syntax));
string newReadme = Regex.Replace(readme, @"^\d+ diagnostics \(`containeropt rules`\)", $"{DiagnosticCatalog.All.Count} diagnostics (`containeropt rules`)", RegexOptions.Multiline);
newReadme = Regex.Replace(newReadme, @"rules that warn or error \(of \d+\)", $"rules that warn or error (of {rules})");
// Only the mode table's rows (three cells); other tables start rows with the mode's name too.
foreach (var (mode, label) in new[] { (AnalysisMode.Minimum, "`minimum`"), (AnalysisMode.Recommended, "`recommended` (default)"), (AnalysisMode.All, "`all`"), (AnalysisMode.Hadolint, "`hadolint`") })
{
    newReadme = Regex.Replace(newReadme, @"(^\| " + Regex.Escape(label) + @" \| [^|\n]* \| )\d+( \|$)", m => m.Groups[1].Value + DiagnosticCatalog.WarningRulesIn(mode) + m.Groups[2].Value, RegexOptions.Multiline);
}
if (newReadme != readme)
{
    File.WriteAllText(readmePath, newReadme);
    changed++;
}
Console.WriteLine($"{changed} file(s) updated");
