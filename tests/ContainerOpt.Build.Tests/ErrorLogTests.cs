using System.Text.Json;
using ContainerOpt.Build.Tests.Infrastructure;
using NJsonSchema;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// ContainerOptErrorLog, like Roslyn's ErrorLog: a `dotnet build` writes the SARIF of the Dockerfile findings it reported
/// (after NoWarn), at a path relative to the project, valid SARIF 2.1.0, the same bytes again when the next build re-logs
/// the findings from the obj/ cache.
/// </summary>
[TestClass]
public sealed class ErrorLogTests : BuildTestBase
{
    [TestMethod]
    public async Task ErrorLog_IsTheSarifOfWhatTheBuildReported_AlsoFromTheCache()
    {
        var scratch = new Scratch("error-log");
        var project = scratch.Library("app", "FROM alpine:3.20 AS Prod\nRUN apk add curl=8.9.1-r0\nUSER root\n",
            properties: "<ContainerOptErrorLog>reports/container opt.sarif</ContainerOptErrorLog><NoWarn>$(NoWarn);COPT3004</NoWarn>");
        string dockerfile = scratch.PathOf("app/Dockerfile");
        string errorLog = scratch.PathOf("app/reports/container opt.sarif");

        var first = scratch.Build(project);
        BuildAssert.Succeeded(first);
        BuildAssert.Findings(first, Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 25, project));
        Assert.IsTrue(File.Exists(errorLog), $"{errorLog} should be written");
        string sarif = File.ReadAllText(errorLog);

        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json"));
        var errors = schema.Validate(sarif);
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));

        var run = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
        // The assemblies' version (the test packs only change the package's): SemVer, without the commit.
        StringAssert.Matches(run.GetProperty("tool").GetProperty("driver").GetProperty("version").GetString(), new System.Text.RegularExpressions.Regex(@"^[1-9]?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"));
        Assert.IsTrue(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.IsFalse(run.GetProperty("invocations")[0].TryGetProperty("commandLine", out _), "a build's command line is not the tool's");
        var results = run.GetProperty("results").EnumerateArray()
            .Select(r => (Rule: r.GetProperty("ruleId").GetString(), Level: r.GetProperty("level").GetString())).ToArray();
        // COPT3004 is NoWarn'd, so not in the log; USER root's two findings are suggestions in the default mode: notes, as the
        // build logged them (at low importance).
        CollectionAssert.AreEqual(new[] { ("COPT1100", "warning"), ("COPT2002", "note"), ("COPT2066", "note") }, results);
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual(new Uri(dockerfile).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual(21, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "COPT2002");
        Assert.AreEqual("6.0", rule.GetProperty("properties").GetProperty("security-severity").GetString());
        StringAssert.StartsWith(rule.GetProperty("help").GetProperty("markdown").GetString(), "# COPT2002 last-user-root\n");

        // Nothing changed: the findings come from the cache, and the log is written again, the same.
        File.Delete(errorLog);
        var second = scratch.Build(project, "--no-restore", "-v:d");
        BuildAssert.Succeeded(second);
        StringAssert.Contains(second.Stdout, "re-logged from");
        Assert.AreEqual(sarif, File.ReadAllText(errorLog));
    }
}
