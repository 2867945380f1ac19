using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>
/// How .editorconfig and .globalconfig settings decide a finding's severity, as the compiler decides a diagnostic's: a
/// rule's entry (by any of its names) beats its category's, which beats the one for every rule; .editorconfig beats
/// .globalconfig; the configuration files, pragmas and the mode keep their places.
/// </summary>
[TestClass]
public sealed class EditorConfigSeverityTests
{
    private const string DockerfilePath = "/repo/src/Api/Dockerfile";

    /// <summary>
    /// In the default mode: COPT1100 (Correctness, BuildKit's StageNameCasing) warns at 1; COPT3004 (SizeAndCache, DL3019)
    /// warns at 2; COPT1107 (Correctness, MaintainerDeprecated and DL4000, a style check) is a suggestion at 3; COPT2018
    /// (Practice, DL3018) is a suggestion at 4; COPT1001 (Syntax) is an error at 5.
    /// </summary>
    private const string Text = "FROM alpine:3.20 AS App\nRUN apk add curl=8.9.1-r0\nMAINTAINER me\nRUN apk add --no-cache wget\nFOO bar\nCMD [\"/usr/bin/curl\", \"localhost\"]\n";

    private static string[] Analyze(string? editorConfig = null, string? globalConfig = null, AnalysisOptions? options = null, string text = Text,
        string? nearerEditorConfig = null)
    {
        var documents = new List<EditorConfigDocument>();
        if (editorConfig is not null) documents.Add(EditorConfigReader.Read(editorConfig, "/repo/.editorconfig"));
        if (nearerEditorConfig is not null) documents.Add(EditorConfigReader.Read(nearerEditorConfig, "/repo/src/.editorconfig"));
        if (globalConfig is not null) documents.Add(EditorConfigReader.Read(globalConfig, "/repo/.globalconfig"));
        var load = EditorConfigFiles.Resolve(DockerfilePath, documents);
        Assert.AreEqual(0, load.Problems.Count, string.Join("\n", load.Problems));
        var input = new AnalysisInput(SourceText.From(text, DockerfilePath)) { Options = options ?? new AnalysisOptions(), EditorConfig = load.Severities };
        return new DockerfileAnalyzer().Analyze(input).Findings.Select(f => $"{f.Code}@{f.Location.Start.Line}:{f.Severity.ToText()}").ToArray();
    }

    private static readonly string[] ByMode =
    {
        "COPT1100@1:warning", "COPT3004@2:warning", "COPT1107@3:style", "COPT2018@4:style", "COPT1001@5:error",
    };

    [TestMethod]
    public void Without_settings_the_mode_decides()
    {
        Lines.Same(ByMode, Analyze());
        Lines.Same(ByMode, Analyze("root = true\n[*.cs]\ndotnet_diagnostic.COPT1100.severity = error\n"), "a section for other files changes nothing");
    }

    [TestMethod]
    [DataRow("COPT1107")]
    [DataRow("maintainer-deprecated")]
    [DataRow("DL4000")]
    [DataRow("MaintainerDeprecated")]
    [DataRow("dl4000")]
    public void A_rule_is_named_by_any_of_its_names(string name)
    {
        Lines.Same(
            new[] { "COPT1100@1:warning", "COPT3004@2:warning", "COPT1107@3:error", "COPT2018@4:style", "COPT1001@5:error" },
            Analyze($"[*]\ndotnet_diagnostic.{name}.severity = error\n"));
    }

    [TestMethod]
    public void Severities_map_as_the_compilers_none_and_silent_off_suggestion_info()
    {
        Lines.Same(
            new[] { "COPT3004@2:info", "COPT1107@3:error", "COPT2018@4:warning", "COPT1001@5:error" },
            Analyze("[Dockerfile]\ndotnet_diagnostic.COPT1100.severity = silent\ndotnet_diagnostic.DL3019.severity = suggestion\n" +
                "dotnet_diagnostic.COPT1107.severity = error\ndotnet_diagnostic.apk-pin-versions.severity = warning\n"));
        Lines.Same(
            new[] { "COPT3004@2:warning", "COPT1107@3:style", "COPT2018@4:style", "COPT1001@5:error" },
            Analyze("[Dockerfile]\ndotnet_diagnostic.StageNameCasing.severity = none\n"));
    }

    [TestMethod]
    public void A_rule_entry_beats_a_category_entry_which_beats_the_entry_for_every_rule()
    {
        Lines.Same(
            new[] { "COPT1100@1:info", "COPT1107@3:error", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_analyzer_diagnostic.category-Correctness.severity = error\n" +
                "dotnet_diagnostic.COPT1100.severity = suggestion\n"));
        // The order in the file does not matter: a rule's entry above its category's still wins.
        Lines.Same(
            new[] { "COPT1100@1:info", "COPT1107@3:error", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_diagnostic.COPT1100.severity = suggestion\ndotnet_analyzer_diagnostic.category-correctness.severity = error\n" +
                "dotnet_analyzer_diagnostic.severity = none\n"));
    }

    [TestMethod]
    public void Default_gives_what_the_mode_gives_and_keeps_the_bulk_entries_off_the_rule()
    {
        Lines.Same(
            new[] { "COPT1100@1:warning", "COPT3004@2:error", "COPT1107@3:error", "COPT2018@4:error", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.COPT1100.severity = default\n"));
        // A category set to default keeps the entry for every rule off its rules.
        Lines.Same(
            new[] { "COPT1100@1:warning", "COPT1107@3:style", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_analyzer_diagnostic.category-Correctness.severity = default\n"));
    }

    [TestMethod]
    public void The_parsers_errors_are_not_configured_in_bulk_but_by_their_code()
    {
        Lines.Same(new[] { "COPT1001@5:error" }, Analyze("[*]\ndotnet_analyzer_diagnostic.severity = none\n"));
        Lines.Same(new[] { "COPT1001@5:warning" },
            Analyze("[*]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_diagnostic.unknown-instruction.severity = warning\n"));
    }

    [TestMethod]
    public void Bulk_entries_raise_the_suggestions_of_rules_the_mode_runs_but_switch_on_no_rule_a_rule_entry_does()
    {
        // COPT2057 (HEALTHCHECK missing, DL3057) is off by default.
        Lines.Same(
            new[] { "COPT1100@1:warning", "COPT3004@2:warning", "COPT1107@3:warning", "COPT2018@4:warning", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_analyzer_diagnostic.severity = warning\ndotnet_analyzer_diagnostic.category-Practice.severity = warning\n"));
        Lines.Same(
            new[] { "COPT2057@1:info", "COPT1100@1:warning", "COPT3004@2:warning", "COPT1107@3:style", "COPT2018@4:style", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_diagnostic.DL3057.severity = suggestion\n"));
        Lines.Same(ByMode, Analyze("[*]\ndotnet_diagnostic.DL3057.severity = none\n"));
        Lines.Same(ByMode, Analyze("[*]\ndotnet_diagnostic.DL3057.severity = default\n"));
    }

    [TestMethod]
    public void Editorconfig_beats_globalconfig_for_the_same_key_and_the_closer_editorconfig_and_later_section_win()
    {
        const string global = "dotnet_diagnostic.COPT1100.severity = error\ndotnet_analyzer_diagnostic.category-SizeAndCache.severity = error\n[/repo/src/Api/Dockerfile]\ndotnet_diagnostic.COPT1107.severity = error\n";
        Lines.Same(
            new[] { "COPT1100@1:error", "COPT3004@2:error", "COPT1107@3:error", "COPT2018@4:style", "COPT1001@5:error" },
            Analyze(globalConfig: global));
        Lines.Same(
            new[] { "COPT1107@3:error", "COPT2018@4:style", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_diagnostic.COPT1100.severity = none\ndotnet_analyzer_diagnostic.category-SizeAndCache.severity = none\n", global));
        // Closer file, then later section.
        Lines.Same(
            new[] { "COPT1100@1:info", "COPT3004@2:error", "COPT1107@3:error", "COPT2018@4:style", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_diagnostic.COPT1100.severity = none\n", global,
                nearerEditorConfig: "[Dockerfile]\ndotnet_diagnostic.COPT1100.severity = warning\n[**/Dockerfile]\ndotnet_diagnostic.StageNameCasing.severity = suggestion\n"));
    }

    [TestMethod]
    public void Of_two_names_of_one_rule_the_entry_that_applies_last_wins()
    {
        Lines.Same(
            new[] { "COPT1100@1:warning", "COPT3004@2:warning", "COPT2018@4:style", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_diagnostic.DL4000.severity = error\n[Dockerfile]\ndotnet_diagnostic.COPT1107.severity = none\n"));
    }

    [TestMethod]
    public void A_bad_severity_is_ignored_for_a_rule_and_hides_a_category_as_in_the_compiler()
    {
        var documents = new[]
        {
            EditorConfigReader.Read("dotnet_diagnostic.COPT1100.severity = error\n", "/repo/.globalconfig"),
            EditorConfigReader.Read("[*]\ndotnet_diagnostic.COPT1100.severity = eror\ndotnet_analyzer_diagnostic.severity = none\n" +
                "dotnet_analyzer_diagnostic.category-Correctness.severity = error\n[Dockerfile]\ndotnet_analyzer_diagnostic.category-Correctness.severity = loud\n",
                "/repo/.editorconfig"),
        };
        var load = EditorConfigFiles.Resolve(DockerfilePath, documents);
        Assert.AreEqual(2, load.Problems.Count);
        var findings = new DockerfileAnalyzer().Analyze(new AnalysisInput(SourceText.From(Text, DockerfilePath)) { EditorConfig = load.Severities }).Findings;
        // COPT1100 keeps the global file's error; COPT1107's category has no valid value, so the entry for every rule (none) decides.
        Lines.Same(new[] { "COPT1100@1:error", "COPT1001@5:error" },
            findings.Select(f => $"{f.Code}@{f.Location.Start.Line}:{f.Severity.ToText()}").ToArray());
    }

    [TestMethod]
    public void The_configuration_files_win_where_they_name_a_finding_as_a_rule_set_does_in_the_compiler()
    {
        var options = new AnalysisOptions();
        options.Severities["DL4000"] = DiagnosticSeverity.Info;
        options.Ignored.Add("StageNameCasing");
        Lines.Same(
            new[] { "COPT1107@3:info", "COPT2018@4:error", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.COPT1107.severity = none\ndotnet_diagnostic.COPT1100.severity = error\n" +
                "dotnet_analyzer_diagnostic.category-SizeAndCache.severity = none\n", options: options));
    }

    [TestMethod]
    public void Pragmas_still_drop_findings_and_BuildKits_error_true_is_the_default_the_entries_replace()
    {
        // error=true makes every BuildKit check the mode reports an error, MAINTAINER (a style check, a suggestion in this
        // mode) included: BuildKit fails the build on it. The entries still decide after it.
        const string text = "# check=error=true\nFROM alpine:3.20 AS Build\n# hadolint ignore=DL4000\nMAINTAINER me\nMAINTAINER you\n";
        Lines.Same(new[] { "COPT1100@2:error", "COPT1107@5:error" }, Analyze(text: text));
        Lines.Same(new[] { "COPT1100@2:warning", "COPT1107@5:error" },
            Analyze("[*]\ndotnet_diagnostic.COPT1107.severity = error\ndotnet_diagnostic.COPT1100.severity = warning\n", text: text));
        Lines.Same(new[] { "COPT1100@2:error", "COPT1107@5:error" },
            Analyze("[*]\ndotnet_diagnostic.COPT1100.severity = default\n", text: text));
        Lines.Same(new[] { "COPT1100@2:error" },
            Analyze("[*]\ndotnet_diagnostic.COPT1107.severity = none\n", text: text));
    }

    [TestMethod]
    public void In_hadolint_mode_the_bulk_entries_apply_to_hadolints_rules_only()
    {
        var options = new AnalysisOptions { Mode = AnalysisMode.Hadolint };
        // hadolint mode runs hadolint's DL3019 (COPT2019), DL4000 (COPT1107) and DL3018 (COPT2018), not BuildKit's StageNameCasing.
        Lines.Same(
            new[] { "COPT2019@2:info", "COPT1107@3:error", "COPT2018@4:warning", "COPT1001@5:error" },
            Analyze(options: options));
        Lines.Same(
            new[] { "COPT2019@2:error", "COPT1107@3:error", "COPT2018@4:error", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_analyzer_diagnostic.severity = error\n", options: options));
        Lines.Same(
            new[] { "COPT1100@1:warning", "COPT2019@2:info", "COPT1107@3:error", "COPT2018@4:warning", "COPT1001@5:error" },
            Analyze("[*]\ndotnet_diagnostic.COPT1100.severity = warning\n", options: options));
    }
}
