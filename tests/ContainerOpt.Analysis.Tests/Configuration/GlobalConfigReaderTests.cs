using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Configuration;

/// <summary>Global AnalyzerConfig files merge as the compiler merges them (checked against csc of the .NET 10 SDK).</summary>
[TestClass]
public sealed class GlobalConfigReaderTests
{
    private const string Dockerfile = "/repo/src/Api/Dockerfile";

    private static EditorConfigDocument Global(string path, string text) => EditorConfigReader.Read(text, path);

    private static string[] Entries(GlobalAnalyzerConfig merged, string path = Dockerfile) =>
        merged.EntriesFor(path).Select(e => $"{e.Target}={e.Severity?.ToText() ?? "default"} @{e.Line}").ToArray();

    [TestMethod]
    public void A_key_set_by_two_files_of_one_level_is_unset_whatever_the_values_with_a_warning()
    {
        var a = Global("/repo/a.globalconfig", "is_global = true\ndotnet_diagnostic.COPT1100.severity = error\ndotnet_diagnostic.COPT1107.severity = error\n");
        var b = Global("/repo/b.globalconfig", "is_global = true\ndotnet_diagnostic.copt1100.severity = error\n");

        var merged = GlobalConfigReader.Merge(new[] { a, b });

        Lines.Same(new[] { "COPT1107=error @3" }, Entries(merged));
        Assert.AreEqual(1, merged.Problems.Count);
        var problem = merged.Problems[0];
        Assert.AreEqual("COPT0018", problem.Code);
        Assert.AreEqual(DiagnosticSeverity.Warning, problem.Severity);
        Assert.AreEqual("/repo/b.globalconfig(2,1): warning COPT0018: Invalid setting in '/repo/b.globalconfig': 'dotnet_diagnostic.copt1100.severity' is also set by '/repo/a.globalconfig' at the same global_level (0); as the compiler does (MultipleGlobalAnalyzerKeys), the key is unset. Keep it in one file, or give one file a higher global_level.",
            problem.ToCanonicalString());
    }

    [TestMethod]
    public void The_higher_global_level_wins_even_over_an_unset_key()
    {
        var low1 = Global("/repo/a.globalconfig", "is_global = true\ndotnet_diagnostic.COPT1100.severity = error\n");
        var low2 = Global("/repo/b.globalconfig", "is_global = true\ndotnet_diagnostic.COPT1100.severity = warning\n");
        var high = Global("/repo/.globalconfig", "dotnet_diagnostic.COPT1100.severity = none\n");
        var lower = Global("/repo/c.globalconfig", "is_global = true\nglobal_level = -1\ndotnet_diagnostic.COPT1100.severity = error\n");

        var merged = GlobalConfigReader.Merge(new[] { low1, low2, high, lower });

        Lines.Same(new[] { "COPT1100=none @1" }, Entries(merged));
        Assert.AreEqual(0, merged.Problems.Count, "a key a higher level sets is not a conflict");
    }

    [TestMethod]
    public void A_section_applies_to_the_file_it_names_after_the_settings_for_every_file()
    {
        var global = Global("/repo/.globalconfig",
            "dotnet_diagnostic.COPT1100.severity = error\n[/repo/src/Api/Dockerfile]\ndotnet_diagnostic.COPT1100.severity = none\n[/repo/src/Worker/Dockerfile]\ndotnet_diagnostic.COPT1107.severity = none\n");

        var merged = GlobalConfigReader.Merge(new[] { global });

        Lines.Same(new[] { "COPT1100=error @1", "COPT1100=none @3" }, Entries(merged));
        Lines.Same(new[] { "COPT1100=error @1", "COPT1107=none @5" }, Entries(merged, "/repo/src/Worker/Dockerfile"));
        Lines.Same(new[] { "COPT1100=error @1" }, Entries(merged, "/repo/src/api/Dockerfile"), "paths compare case-sensitively");
    }

    [TestMethod]
    public void Two_names_of_one_rule_are_two_keys_and_the_higher_level_applies_last()
    {
        var high = Global("/repo/.globalconfig", "dotnet_diagnostic.DL4000.severity = none\n");
        var low = Global("/repo/pkg.globalconfig", "is_global = true\ndotnet_diagnostic.COPT1107.severity = error\n");

        var merged = GlobalConfigReader.Merge(new[] { high, low });

        Lines.Same(new[] { "COPT1107=error @2", "DL4000=none @1" }, Entries(merged));
        Assert.AreEqual(0, merged.Problems.Count);
    }
}
