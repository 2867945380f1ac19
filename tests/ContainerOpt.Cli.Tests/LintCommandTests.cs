using System.Text.Json;

namespace ContainerOpt.Cli.Tests;

[TestClass]
public sealed class LintCommandTests
{
    [TestMethod]
    public void Text_format_is_msbuild_canonical_with_exact_position()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20\nRUNN echo hi\n");
        var (code, stdout, _) = CliRunner.Run("lint", path);
        Assert.AreEqual(1, code);
        Assert.AreEqual($"{path}(2,1): error COPT1001: Unknown instruction 'RUNN' (did you mean 'RUN'?).\n", stdout);
    }

    [TestMethod]
    public void Clean_file_exits_0_and_prints_nothing_on_stdout()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20\nRUN echo hi\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", path);
        Assert.AreEqual(0, code);
        Assert.AreEqual("", stdout);
        StringAssert.Contains(stderr, "0 error(s)");
    }

    [TestMethod]
    public void Unterminated_heredoc_is_reported_at_its_instruction()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20\n\nRUN <<EOF\necho hi\n");
        var (code, stdout, _) = CliRunner.Run("lint", path);
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(stdout, $"{path}(3,1): error COPT1002: Unterminated heredoc 'EOF'");
    }

    [TestMethod]
    public void Json_format_follows_the_contract()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20\nCOPY --form=build a b\n");
        var (code, stdout, _) = CliRunner.Run("lint", path, "--format", "json");
        Assert.AreEqual(1, code);
        var file = JsonDocument.Parse(stdout).RootElement.GetProperty("files")[0];
        Assert.AreEqual(path, file.GetProperty("path").GetString());
        var d = file.GetProperty("diagnostics")[0];
        Assert.AreEqual("COPT1003", d.GetProperty("code").GetString());
        Assert.AreEqual("invalid-flag", d.GetProperty("name").GetString());
        Assert.AreEqual("error", d.GetProperty("severity").GetString());
        Assert.AreEqual(2, d.GetProperty("line").GetInt32());
        Assert.AreEqual(6, d.GetProperty("column").GetInt32());
        Assert.AreEqual(2, d.GetProperty("endLine").GetInt32());
        Assert.AreEqual(18, d.GetProperty("endColumn").GetInt32());
        StringAssert.StartsWith(d.GetProperty("message").GetString(), "Unknown flag: --form.");
        Assert.AreEqual(JsonValueKind.Array, d.GetProperty("equivalents").ValueKind);
        StringAssert.EndsWith(d.GetProperty("helpUri").GetString(), "docs/rules/COPT1003.md");
    }

    [TestMethod]
    public void Json_equivalents_are_the_findings_own_with_the_names_it_stands_in_for()
    {
        // COPT3004 takes over hadolint's DL3019 on the same line: the finding answers to both names.
        var path = CliRunner.TempFile("FROM alpine:3.20\nRUN apk add curl=8.9.1-r0\n");
        var (_, stdout, _) = CliRunner.Run("lint", path, "--format", "json");
        var d = JsonDocument.Parse(stdout).RootElement.GetProperty("files")[0].GetProperty("diagnostics")[0];
        Assert.AreEqual("COPT3004", d.GetProperty("code").GetString());
        CollectionAssert.AreEqual(new[] { "DL3019" }, d.GetProperty("equivalents").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [TestMethod]
    public void One_finding_for_several_runs_lists_the_others_as_related_locations()
    {
        // The same pip cache left by two RUNs is one COPT3004 finding; the second RUN is a related location
        // (SARIF) or an additional location (JSON), and hadolint's DL3042 on it merges into the finding.
        var path = CliRunner.TempFile("FROM python:3.12-slim\nRUN pip install flask==3.0.3\nRUN pip install gunicorn==23.0.0\n");
        var (_, sarif, _) = CliRunner.Run("lint", path, "--format", "sarif");
        var result = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "COPT3004");
        StringAssert.EndsWith(result.GetProperty("message").GetProperty("text").GetString(), "; the same in the RUN on line 3.");
        var related = result.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.AreEqual(3, related.GetProperty("startLine").GetInt32());
        Assert.AreEqual(5, related.GetProperty("startColumn").GetInt32());

        var (_, json, _) = CliRunner.Run("lint", path, "--format", "json");
        var diagnostics = JsonDocument.Parse(json).RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.AreEqual(1, diagnostics.Count(d => d.GetProperty("code").GetString() is "COPT3004" or "COPT2042"));
        var finding = diagnostics.Single(d => d.GetProperty("code").GetString() == "COPT3004");
        Assert.AreEqual(3, finding.GetProperty("additionalLocations")[0].GetProperty("line").GetInt32());
        CollectionAssert.AreEqual(new[] { "DL3042" }, finding.GetProperty("equivalents").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [TestMethod]
    public void Sarif_format_has_rules_and_regions()
    {
        var path = CliRunner.TempFile("RUN echo before from\nFROM alpine:3.20\n");
        var (code, stdout, _) = CliRunner.Run("lint", path, "--format", "sarif");
        Assert.AreEqual(1, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.AreEqual("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.AreEqual("COPT1005", rule.GetProperty("id").GetString());
        StringAssert.EndsWith(rule.GetProperty("helpUri").GetString(), "COPT1005.md");
        var result = run.GetProperty("results")[0];
        Assert.AreEqual("COPT1005", result.GetProperty("ruleId").GetString());
        Assert.AreEqual("error", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.AreEqual(1, region.GetProperty("startLine").GetInt32());
        Assert.AreEqual(1, region.GetProperty("startColumn").GetInt32());
        Assert.AreEqual(4, region.GetProperty("endColumn").GetInt32());
    }

    [TestMethod]
    public void Missing_file_exits_2_with_COPT0001()
    {
        var (code, stdout, _) = CliRunner.Run("lint", "/no/such/Dockerfile");
        Assert.AreEqual(2, code);
        Assert.AreEqual("/no/such/Dockerfile(1,1): error COPT0001: The Dockerfile '/no/such/Dockerfile' does not exist. Check the path, or set ContainerOptDockerfile to the right file.\n", stdout);
    }

    [TestMethod]
    public void Binary_file_exits_2_with_COPT0003()
    {
        var path = CliRunner.TempFile("");
        File.WriteAllBytes(path, new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01 });
        var (code, stdout, _) = CliRunner.Run("lint", path);
        Assert.AreEqual(2, code);
        StringAssert.Contains(stdout, "error COPT0003: ");
        StringAssert.Contains(stdout, "NUL byte at offset 4");
    }

    [TestMethod]
    public void Empty_file_is_COPT1006()
    {
        var path = CliRunner.TempFile("# only a comment\n\n");
        var (code, stdout, _) = CliRunner.Run("lint", path);
        Assert.AreEqual(1, code);
        StringAssert.Contains(stdout, "error COPT1006: The Dockerfile has no instructions.");
    }

    [TestMethod]
    public void Folder_is_searched_for_dockerfiles_skipping_bin_and_obj()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20\nFOO bar\n");
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(Path.Combine(dir, "obj"));
        File.WriteAllText(Path.Combine(dir, "obj", "Dockerfile"), "BAR\n");
        File.WriteAllText(Path.Combine(dir, "api.Dockerfile"), "FROM alpine:3.20\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", dir);
        Assert.AreEqual(1, code);
        StringAssert.Contains(stderr, "2 file(s)");
        Assert.AreEqual(1, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, stdout);
    }

    [TestMethod]
    public void The_summary_counts_dockerfiles_not_the_configuration_files_with_findings()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20\n");
        var dir = Path.GetDirectoryName(path)!;
        File.WriteAllText(Path.Combine(dir, "Dockerfile.prod"), "FROM alpine:3.20\n");
        // Docker's ignore file for Dockerfile.prod: not a Dockerfile, though its name starts like one.
        File.WriteAllText(Path.Combine(dir, "Dockerfile.prod.dockerignore"), "bin/\n");
        var config = Path.Combine(dir, ".hadolint.yaml");
        File.WriteAllText(config, "foo: bar\n");

        var (code, stdout, stderr) = CliRunner.Run("lint", dir);

        Assert.AreEqual(0, code, stdout);
        // The configuration's warning once, at the configuration file, though it applies to both Dockerfiles.
        Assert.AreEqual($"{config}(1,1): warning COPT0005: Invalid configuration in '{config}': unknown setting 'foo'; it is ignored.\n", stdout);
        Assert.AreEqual("2 file(s): 0 error(s), 1 warning(s), 0 info.\n", stderr);
    }

    [TestMethod]
    public void A_configuration_error_is_reported_at_the_configuration_file()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20\n");
        var config = Path.Combine(Path.GetDirectoryName(path)!, ".hadolint.yaml");
        File.WriteAllText(config, "failure-threshold: nope\n");

        var (code, stdout, stderr) = CliRunner.Run("lint", path);

        Assert.AreEqual(2, code);
        StringAssert.StartsWith(stdout, $"{config}(1,20): error COPT0005: ");
        Assert.AreEqual("1 file(s): 1 error(s), 0 warning(s), 0 info.\n", stderr);
    }

    [TestMethod]
    public void Json_sarif_and_rules_keep_apostrophes_as_they_are()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20 AS Build\n");
        var (_, stdout, _) = CliRunner.Run("lint", path, "--format", "json");
        StringAssert.Contains(stdout, "\"message\": \"Stage name 'Build' should be lowercase: name it 'build'.\"");
        Assert.IsFalse(stdout.Contains("\\u0027", StringComparison.Ordinal), stdout);
        var sarif = CliRunner.Run("lint", path, "--format", "sarif").Stdout;
        StringAssert.Contains(sarif, "Stage name 'Build' should be lowercase");
        Assert.IsFalse(sarif.Contains("\\u0027", StringComparison.Ordinal));
        var rules = CliRunner.Run("rules", "--format", "json").Stdout;
        Assert.IsFalse(rules.Contains("\\u0027", StringComparison.Ordinal));
        StringAssert.Contains(rules, "'");
    }

    [TestMethod]
    public void No_operands_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("lint");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "lint needs at least one Dockerfile or folder.");
    }
}
