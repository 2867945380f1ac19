using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Configuration;

[TestClass]
public sealed class EditorConfigReaderTests
{
    private static string Describe(EditorConfigEntry e) =>
        $"{e.Kind} {e.Target} {(e.IsValid ? e.Severity?.ToText() ?? "default" : "invalid")} @{e.Line},{e.Column}";

    private static string[] Problems(EditorConfigDocument document) =>
        document.Problems.Select(p => $"{p.Location.Start.Line},{p.Location.Start.Column}-{p.Location.End.Column} {p.Code} {p.Severity.ToText()}: {p.Message}").ToArray();

    [TestMethod]
    public void Reads_sections_and_the_settings_that_configure_ContainerOpt()
    {
        var document = EditorConfigReader.Read("""
            # comment
              ; comment
            root = TRUE

            [*]
            indent_style = space
            dotnet_diagnostic.COPT2008.severity = error

            [**/Dockerfile] # a comment after a section
            DOTNET_DIAGNOSTIC.dl3008.SEVERITY : Warning ; a comment after a value
            dotnet_analyzer_diagnostic.category-sizeandcache.severity = suggestion
            dotnet_analyzer_diagnostic.severity=none#comment
            dotnet_diagnostic.CA1000.severity = error
            dotnet_diagnostic.StageNameCasing.severity = default
            dotnet_diagnostic.apt-get-pin-versions.severity = silent
            dotnet_diagnostic.SC2086.severity = refactoring
            dotnet_analyzer_diagnostic.category-Performance.severity = error

            [*.cs]
            dotnet_diagnostic.IDE0005.severity = warning
            """, "/repo/.editorconfig");

        Assert.AreEqual(0, document.Problems.Count, string.Join("\n", Problems(document)));
        Assert.IsTrue(document.IsRoot);
        Assert.IsFalse(document.IsGlobal);
        Assert.AreEqual("/repo", document.Directory);
        // Only the sections with settings for ContainerOpt are kept.
        Lines.Same(new[] { "*", "**/Dockerfile" }, document.Sections.Select(s => s.Name).ToArray());
        Lines.Same(new[] { "Rule COPT2008 error @7,1" }, document.Sections[0].Entries.Select(Describe).ToArray());
        Lines.Same(new[]
        {
            "Rule dl3008 warning @10,1",
            "Category SizeAndCache info @11,1",
            "AllRules  none @12,1",
            "Rule StageNameCasing default @14,1",
            "Rule apt-get-pin-versions none @15,1",
            "Rule SC2086 none @16,1",
        }, document.Sections[1].Entries.Select(Describe).ToArray());
        Assert.AreEqual("dotnet_diagnostic.dl3008.severity", document.Sections[1].Entries[0].Key);
    }

    [TestMethod]
    public void Each_problem_is_a_COPT0018_warning_at_its_line_and_column_and_the_line_is_ignored()
    {
        var document = EditorConfigReader.Read(
            "dotnet_diagnostic.COPT2008.severity = error\n" +
            "[Dockerfile]\n" +
            "dotnet_diagnostic.COPT2008.severity = eror\n" +
            "not a setting\n" +
            "  dotnet_diagnostic.DL40000.severity = none\n" +
            "dotnet_analyzer_diagnostic.category-Syntax.severity = none\n" +
            "[{a,b]\n" +
            "dotnet_diagnostic.DL3008.severity = none\n" +
            "[ok]\n" +
            "dotnet_analyzer_diagnostic.severity = warn\n",
            "/repo/.editorconfig");

        Lines.Same(new[]
        {
            "1,1-36 COPT0018 warning: Invalid setting in '/repo/.editorconfig': 'dotnet_diagnostic.COPT2008.severity' stands before the first section, where it applies to no file; put it under a section such as [*] or [Dockerfile].",
            "3,39-43 COPT0018 warning: Invalid setting in '/repo/.editorconfig': 'eror' is not a severity for 'dotnet_diagnostic.COPT2008.severity'; use none, silent, suggestion, warning, error or default. The setting is ignored. Did you mean 'error'?",
            "4,1-14 COPT0018 warning: Invalid setting in '/repo/.editorconfig': 'not a setting' is not a section ([glob]), a setting (key = value) or a comment; the line is ignored.",
            "5,3-37 COPT0018 warning: Invalid setting in '/repo/.editorconfig': no rule is named 'DL40000'; the setting has no effect. Did you mean 'DL4000'?",
            "6,1-52 COPT0018 warning: Invalid setting in '/repo/.editorconfig': the category Syntax (ContainerOpt's own problems and the Dockerfile parser's errors) is not configured in bulk, as the compiler's own diagnostics are not; the setting has no effect. Name a code instead: dotnet_diagnostic.<code>.severity.",
            "7,1-7 COPT0018 warning: Invalid setting in '/repo/.editorconfig': the section [{a,b] is not a valid glob; its settings apply to no file.",
            "10,39-43 COPT0018 warning: Invalid setting in '/repo/.editorconfig': 'warn' is not a severity for 'dotnet_analyzer_diagnostic.severity'; use none, silent, suggestion, warning, error or default. The setting is ignored. Did you mean 'warning'?",
        }, Problems(document));
        Assert.AreEqual(DiagnosticSeverity.Warning, document.Problems[0].Severity);
        // The bad severity stays as an entry that is not valid (the compiler ignores it); the invalid glob's section is dropped.
        Lines.Same(new[] { "Dockerfile", "ok" }, document.Sections.Select(s => s.Name).ToArray());
        Lines.Same(new[] { "Rule COPT2008 invalid @3,1" }, document.Sections[0].Entries.Select(Describe).ToArray());
        Lines.Same(new[] { "AllRules  invalid @10,1" }, document.Sections[1].Entries.Select(Describe).ToArray());
    }

    [TestMethod]
    public void A_file_that_is_not_an_editorconfig_says_so_after_ten_lines()
    {
        var document = EditorConfigReader.Read(string.Concat(Enumerable.Range(1, 14).Select(i => $"line {i}\n")), "/repo/.editorconfig");
        Assert.AreEqual(11, document.Problems.Count);
        StringAssert.EndsWith(document.Problems[0].Message, "'line 1' is not a section ([glob]), a setting (key = value) or a comment; the line is ignored.");
        Assert.AreEqual("11,1-8 COPT0018 warning: Invalid setting in '/repo/.editorconfig': this line and 3 more below it are not sections, settings or comments either; they are ignored. Is this an .editorconfig file?",
            Problems(document)[10]);
    }

    [TestMethod]
    public void A_global_file_keeps_its_own_settings_and_its_sections_that_name_files()
    {
        var document = EditorConfigReader.Read("""
            is_global = true
            global_level = 5
            dotnet_diagnostic.COPT1100.severity = error
            [/repo/src/Api/Dockerfile]
            dotnet_diagnostic.COPT1100.severity = none
            [*.cs]
            dotnet_diagnostic.COPT1100.severity = none
            [*.vb]
            dotnet_diagnostic.BC42024.severity = none
            """, "/repo/build/company.globalconfig");

        Assert.IsTrue(document.IsGlobal);
        Assert.AreEqual(5, document.GlobalLevel);
        Lines.Same(new[] { "Rule COPT1100 error @3,1" }, document.GlobalEntries.Select(Describe).ToArray());
        Lines.Same(new[] { "/repo/src/Api/Dockerfile" }, document.Sections.Select(s => s.Name).ToArray());
        // A glob section with ContainerOpt's settings is reported (the compiler's InvalidGlobalSectionName); one with none is not ours to judge.
        Lines.Same(new[]
        {
            "6,1-7 COPT0018 warning: Invalid setting in '/repo/build/company.globalconfig': the section [*.cs] of a global configuration is not an absolute path (a global file's sections name files, such as [/repo/src/Api/Dockerfile]); its settings are ignored.",
        }, Problems(document));
    }

    [TestMethod]
    [DataRow("/repo/.globalconfig", "", true, 100)]
    [DataRow("/repo/.globalconfig", "global_level = -3\n", true, -3)]
    [DataRow("/repo/.GlobalConfig", "", true, 100)]
    [DataRow("/repo/x.globalconfig", "", false, 0)]
    [DataRow("/repo/x.globalconfig", "is_global = true\n", true, 0)]
    [DataRow("/repo/x.globalconfig", "is_global = false\n", true, 0)]
    [DataRow("/repo/.editorconfig", "IS_GLOBAL = true\nglobal_level = high\n", true, 0)]
    [DataRow("/repo/.editorconfig", "[*]\nis_global = true\n", false, 0)]
    public void A_file_is_global_by_its_name_or_an_is_global_key_whatever_its_value(string path, string text, bool global, int level)
    {
        var document = EditorConfigReader.Read(text, path);
        Assert.AreEqual(global, document.IsGlobal);
        Assert.AreEqual(level, document.GlobalLevel);
    }

    [TestMethod]
    public void Root_counts_only_before_the_first_section_and_line_ends_of_every_kind_are_read()
    {
        Assert.IsFalse(EditorConfigReader.Read("[*]\nroot = true\n", "/r/.editorconfig").IsRoot);
        Assert.IsFalse(EditorConfigReader.Read("root = yes\n", "/r/.editorconfig").IsRoot);
        var document = EditorConfigReader.Read("root=true\r[Dockerfile]\r\ndotnet_diagnostic.COPT1100.severity = none\u2028[x]\ndotnet_diagnostic.COPT1100.severity = error", "/r/.editorconfig");
        Assert.IsTrue(document.IsRoot);
        Lines.Same(new[] { "Rule COPT1100 none @3,1" }, document.Sections[0].Entries.Select(Describe).ToArray());
        Lines.Same(new[] { "Rule COPT1100 error @5,1" }, document.Sections[1].Entries.Select(Describe).ToArray());
    }

    [TestMethod]
    public void A_section_name_keeps_escaped_comment_characters_and_everything_up_to_the_last_bracket()
    {
        var document = EditorConfigReader.Read(
            "[a\\#b]\ndotnet_diagnostic.COPT1100.severity = none\n[x]y] ; comment\ndotnet_diagnostic.COPT1100.severity = none\n[ spaced ]\ndotnet_diagnostic.COPT1100.severity = none\n",
            "/r/.editorconfig");
        Lines.Same(new[] { "a\\#b", "x]y", " spaced " }, document.Sections.Select(s => s.Name).ToArray());
    }

    [TestMethod]
    [DataRow("none", true, DiagnosticSeverity.None)]
    [DataRow("silent", true, DiagnosticSeverity.None)]
    [DataRow("refactoring", true, DiagnosticSeverity.None)]
    [DataRow("suggestion", true, DiagnosticSeverity.Info)]
    [DataRow("WARNING", true, DiagnosticSeverity.Warning)]
    [DataRow("Error", true, DiagnosticSeverity.Error)]
    [DataRow("info", false, null)]
    [DataRow("hidden", false, null)]
    [DataRow("", false, null)]
    public void Severities_are_the_compilers_names(string text, bool valid, DiagnosticSeverity? expected)
    {
        Assert.AreEqual(valid, EditorConfigReader.TryParseSeverity(text, out var severity));
        Assert.AreEqual(expected, severity);
        Assert.IsTrue(EditorConfigReader.TryParseSeverity("default", out var byMode));
        Assert.IsNull(byMode, "default: what the mode gives");
    }
}
