using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Images.Tests.Reporting;

/// <summary>.dive-ci read as dive 0.13 reads it: its keys, its defaults, its value grammars; and what dive refuses, as COPT0019 at the line.</summary>
[TestClass]
public sealed class DiveCiConfigTests
{
    private const string Path = "/repo/.dive-ci";

    private static DiveCiConfig Parse(string text) => DiveCiConfig.Parse(text, Path);

    private static string[] Problems(DiveCiConfig config) => config.Problems.Select(p => p.ToCanonicalString()).ToArray();

    [TestMethod]
    public void Dives_own_example_sets_all_three_rules()
    {
        var config = Parse("""
            rules:
              # If the efficiency is measured below X%, mark as failed.
              lowestEfficiency: 0.95
              # If the amount of wasted space is at least X or larger than X, mark as failed.
              highestWastedBytes: 20MB
              # If the amount of wasted space makes up for X% or more of the image, mark as failed.
              highestUserWastedPercent: 0.20

            """);
        Assert.AreEqual(0, config.Problems.Count);
        Assert.AreEqual(0.95, config.LowestEfficiency);
        Assert.AreEqual(20_000_000, config.HighestWastedBytes);
        Assert.AreEqual(0.2, config.HighestUserWastedPercent);
        Assert.AreEqual("lowestEfficiency 0.95, highestWastedBytes 20000000, highestUserWastedPercent 0.2", config.Summary());
        Assert.AreEqual("highestWastedBytes (/repo/.dive-ci)", config.SettingName(DiveCiConfig.HighestWastedBytesKey));
    }

    [TestMethod]
    [DataRow("", "lowestEfficiency 0.9 (dive's default), highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.1 (dive's default)")]
    [DataRow("# only a comment\n", "lowestEfficiency 0.9 (dive's default), highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.1 (dive's default)")]
    [DataRow("rules:\n", "lowestEfficiency 0.9 (dive's default), highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.1 (dive's default)")]
    [DataRow("rules:\n  lowestEfficiency: 0.99\n", "lowestEfficiency 0.99, highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.1 (dive's default)")]
    [DataRow("rules:\n  highestWastedBytes: 1000\n", "lowestEfficiency 0.9 (dive's default), highestWastedBytes 1000, highestUserWastedPercent 0.1 (dive's default)")]
    [DataRow("rules:\n  highestUserWastedPercent: 0.3\n", "lowestEfficiency 0.9 (dive's default), highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.3")]
    [DataRow("rules:\n  lowestEfficiency: \"0.5\"\n  highestUserWastedPercent: '1'\n", "lowestEfficiency 0.5, highestWastedBytes disabled (dive's default), highestUserWastedPercent 1")]
    [DataRow("rules:\n  lowestEfficiency: 0\n  highestWastedBytes: 0\n  highestUserWastedPercent: 0\n", "lowestEfficiency 0, highestWastedBytes 0, highestUserWastedPercent 0")]
    [DataRow("rules:\n  lowestEfficiency: 9e-1\n", "lowestEfficiency 0.9, highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.1 (dive's default)")]
    public void A_key_the_file_does_not_set_keeps_dives_default(string text, string summary)
    {
        var config = Parse(text);
        Assert.AreEqual(0, config.Problems.Count, string.Join("\n", Problems(config)));
        Assert.AreEqual(summary, config.Summary());
    }

    [TestMethod]
    public void A_defaulted_rule_says_so_in_its_setting_name()
    {
        var config = Parse("rules:\n  lowestEfficiency: 0.99\n");
        Assert.IsTrue(config.Sets(DiveCiConfig.LowestEfficiencyKey));
        Assert.IsFalse(config.Sets(DiveCiConfig.HighestUserWastedPercentKey));
        Assert.AreEqual("highestUserWastedPercent (dive's default: /repo/.dive-ci does not set it)", config.SettingName(DiveCiConfig.HighestUserWastedPercentKey));
    }

    [TestMethod]
    [DataRow("disabled")]
    [DataRow("Disabled")]
    [DataRow("off")]
    [DataRow("false")]
    [DataRow("\" disabled \"")]
    [DataRow("")]
    [DataRow("~")]
    [DataRow("null")]
    public void Disabled_off_false_or_empty_turn_a_rule_off(string value)
    {
        var config = Parse($"rules:\n  lowestEfficiency: {value}\n  highestWastedBytes: {value}\n  highestUserWastedPercent: {value}\n");
        Assert.AreEqual(0, config.Problems.Count, string.Join("\n", Problems(config)));
        Assert.IsNull(config.LowestEfficiency);
        Assert.IsNull(config.HighestWastedBytes);
        Assert.IsNull(config.HighestUserWastedPercent);
        Assert.AreEqual("lowestEfficiency disabled, highestWastedBytes disabled, highestUserWastedPercent disabled", config.Summary());
    }

    [TestMethod]
    [DataRow("20MB", 20_000_000L)]
    [DataRow("20 MB", 20_000_000L)]
    [DataRow("20mb", 20_000_000L)]
    [DataRow("20M", 20_000_000L)]
    [DataRow("500k", 500_000L)]
    [DataRow("500KB", 500_000L)]
    [DataRow("2KiB", 2_048L)]
    [DataRow("2Ki", 2_048L)]
    [DataRow("1.5GiB", 1_610_612_736L)]
    [DataRow("1.5 gb", 1_500_000_000L)]
    [DataRow("1,000", 1_000L)]
    [DataRow("1000", 1_000L)]
    [DataRow("1000B", 1_000L)]
    [DataRow("1.9", 1L)]
    [DataRow("0.5KB", 500L)]
    [DataRow("1TB", 1_000_000_000_000L)]
    public void Wasted_bytes_are_read_as_go_humanize_reads_them(string value, long bytes)
    {
        var config = Parse($"rules:\n  highestWastedBytes: {value}\n");
        Assert.AreEqual(0, config.Problems.Count, string.Join("\n", Problems(config)));
        Assert.AreEqual(bytes, config.HighestWastedBytes);
        Assert.AreEqual(bytes, DiveCiConfig.ParseBytes(value));
    }

    [TestMethod]
    [DataRow("rules:\n  lowestEfficiency: 95%\n",
        "/repo/.dive-ci(2,21): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.lowestEfficiency' is '95%': dive reads a ratio between 0 and 1 (0.95 for 95%), or disabled.")]
    [DataRow("rules:\n  lowestEfficiency: 1.5\n",
        "/repo/.dive-ci(2,21): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.lowestEfficiency' is '1.5': dive reads a ratio between 0 and 1 (0.95 for 95%), or disabled.")]
    [DataRow("rules:\n  lowestEfficiency: -0.1\n",
        "/repo/.dive-ci(2,21): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.lowestEfficiency' is '-0.1': dive reads a ratio between 0 and 1 (0.95 for 95%), or disabled.")]
    [DataRow("rules:\n  highestUserWastedPercent: 20\n",
        "/repo/.dive-ci(2,29): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.highestUserWastedPercent' is '20': dive reads a ratio between 0 and 1 (0.2 for 20%), or disabled.")]
    [DataRow("rules:\n  highestUserWastedPercent: NaN\n",
        "/repo/.dive-ci(2,29): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.highestUserWastedPercent' is 'NaN': dive reads a ratio between 0 and 1 (0.2 for 20%), or disabled.")]
    [DataRow("rules:\n  highestWastedBytes: 20 MBs\n",
        "/repo/.dive-ci(2,23): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.highestWastedBytes' is '20 MBs': dive reads a number of bytes with an optional unit (20MB, 20 MB, 1.5GiB, 500k; k, M, G are powers of 1000, Ki, Mi, Gi of 1024), or disabled.")]
    [DataRow("rules:\n  highestWastedBytes: -1\n",
        "/repo/.dive-ci(2,23): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.highestWastedBytes' is '-1': dive reads a number of bytes with an optional unit (20MB, 20 MB, 1.5GiB, 500k; k, M, G are powers of 1000, Ki, Mi, Gi of 1024), or disabled.")]
    [DataRow("rules:\n  highestWastedBytes: MB\n",
        "/repo/.dive-ci(2,23): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.highestWastedBytes' is 'MB': dive reads a number of bytes with an optional unit (20MB, 20 MB, 1.5GiB, 500k; k, M, G are powers of 1000, Ki, Mi, Gi of 1024), or disabled.")]
    [DataRow("rules:\n  lowestEfficiency: [0.9]\n",
        "/repo/.dive-ci(2,21): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules.lowestEfficiency' must be a single value, not a list.")]
    [DataRow("rules: 0.9\n",
        "/repo/.dive-ci(1,8): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': 'rules' must be a mapping of rules (lowestEfficiency, highestWastedBytes, highestUserWastedPercent), not '0.9'.")]
    [DataRow("- rules\n",
        "/repo/.dive-ci(1,1): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': the file must be a mapping with a 'rules' mapping (rules: then lowestEfficiency: 0.95 indented below it), not a list.")]
    public void Values_dive_refuses_are_COPT0019_errors_at_the_value(string text, string expected)
    {
        var config = Parse(text);
        Assert.IsTrue(config.HasErrors);
        CollectionAssert.AreEqual(new[] { expected }, Problems(config));
    }

    [TestMethod]
    public void Broken_yaml_is_an_error_where_the_parser_stopped()
    {
        var config = Parse("rules:\n  lowestEfficiency: [0.9\n");
        Assert.IsTrue(config.HasErrors);
        StringAssert.StartsWith(Problems(config).Single(), "/repo/.dive-ci(3,1): error COPT0019: Invalid .dive-ci file '/repo/.dive-ci': not valid YAML: ");
    }

    [TestMethod]
    public void Keys_dive_ignores_are_warnings_with_the_key_meant()
    {
        var config = Parse("Rules:\n  x: 1\nrules:\n  LowestEfficiency: 0.5\n  highestWastedByte: 1MB\n  lowestEfficiency: 0.8\n");
        Assert.IsFalse(config.HasErrors);
        CollectionAssert.AreEqual(new[]
        {
            "/repo/.dive-ci(1,1): warning COPT0019: Invalid .dive-ci file '/repo/.dive-ci': dive ignores the key 'Rules', and so does ContainerOpt. Did you mean 'rules' (keys are case-sensitive)?",
            "/repo/.dive-ci(4,3): warning COPT0019: Invalid .dive-ci file '/repo/.dive-ci': dive ignores the key 'LowestEfficiency' under 'rules', and so does ContainerOpt. Did you mean 'lowestEfficiency' (keys are case-sensitive)?",
            "/repo/.dive-ci(5,3): warning COPT0019: Invalid .dive-ci file '/repo/.dive-ci': dive ignores the key 'highestWastedByte' under 'rules', and so does ContainerOpt. Did you mean 'highestWastedBytes' (keys are case-sensitive)?",
        }, Problems(config));
        // What dive reads: the spelled key; the misspelt one leaves dive's default.
        Assert.AreEqual("lowestEfficiency 0.8, highestWastedBytes disabled (dive's default), highestUserWastedPercent 0.1 (dive's default)", config.Summary());
    }

    [TestMethod]
    public void A_file_that_does_not_exist_is_an_error_naming_it()
    {
        string missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "containeropt-no-such-dir", ".dive-ci");
        var config = DiveCiConfig.Read(missing);
        CollectionAssert.AreEqual(new[]
        {
            $"{missing}(1,1): error COPT0019: Invalid .dive-ci file '{missing}': the file does not exist. Check the path given to --ci-config (or ContainerOptDiveCiFile).",
        }, Problems(config));
    }

    [TestMethod]
    public void Find_takes_the_first_folder_with_a_file()
    {
        string root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "containeropt-dive-ci-" + Guid.NewGuid().ToString("N"));
        string project = Directory.CreateDirectory(System.IO.Path.Combine(root, "project")).FullName;
        string docker = Directory.CreateDirectory(System.IO.Path.Combine(root, "docker")).FullName;
        try
        {
            Assert.IsNull(DiveCiConfig.Find(project, docker));
            File.WriteAllText(System.IO.Path.Combine(docker, ".dive-ci"), "rules: {}\n");
            Assert.AreEqual(System.IO.Path.Combine(docker, ".dive-ci"), DiveCiConfig.Find(project, null, docker));
            File.WriteAllText(System.IO.Path.Combine(project, ".dive-ci"), "rules: {}\n");
            Assert.AreEqual(System.IO.Path.Combine(project, ".dive-ci"), DiveCiConfig.Find(project, docker));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void Properties_and_flags_keep_priority_over_the_file()
    {
        var config = Parse("rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 20MB\n");
        var gates = ImageGateOptions.FromProperties(null, "1MB", null).FillFrom(config);
        Assert.AreEqual(1_000_000, gates.MaxWastedBytes);
        Assert.AreEqual("ContainerOptMaxWastedBytes", gates.MaxWastedBytesSetting);
        Assert.AreEqual(0.95, gates.MinEfficiency);
        Assert.AreEqual("lowestEfficiency (/repo/.dive-ci)", gates.MinEfficiencySetting);
        Assert.AreEqual(0.1, gates.MaxUserWastedPercent);
        Assert.AreEqual("highestUserWastedPercent (dive's default: /repo/.dive-ci does not set it)", gates.MaxUserWastedPercentSetting);
        Assert.IsNull(gates.MaxImageSize, "dive has no size rule");

        var disabled = ImageGateOptions.FromProperties(null, null, null, "25%").FillFrom(Parse("rules:\n  highestUserWastedPercent: disabled\n  lowestEfficiency: off\n"));
        Assert.AreEqual(0.25, disabled.MaxUserWastedPercent);
        Assert.AreEqual("ContainerOptMaxUserWastedPercent", disabled.MaxUserWastedPercentSetting);
        Assert.IsNull(disabled.MinEfficiency);
        Assert.IsFalse(ImageGateOptions.FromProperties(null, null, null).FillFrom(Parse("rules:\n  lowestEfficiency: off\n  highestUserWastedPercent: off\n")).Any);
    }
}
