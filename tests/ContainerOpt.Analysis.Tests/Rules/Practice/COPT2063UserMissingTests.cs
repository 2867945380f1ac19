using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2063UserMissingTests
{
    [TestMethod]
    public void A_final_stage_without_user_is_reported_at_its_base_image()
    {
        var findings = RuleVerifier.Verify<COPT2063UserMissing>("FROM [|debian:12|]\nRUN apt-get update\n");
        StringAssert.StartsWith(findings[0].Message, "The final stage '0' never sets USER");
        CollectionAssert.AreEqual(new[] { "DL3063" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Any_user_in_the_final_stage_is_fine() =>
        RuleVerifier.Verify<COPT2063UserMissing>("FROM alpine:3.20 AS build\nFROM alpine:3.20\nUSER 1000:1000\n");

    [TestMethod]
    public void A_user_set_in_a_stage_the_final_one_builds_on_counts() =>
        RuleVerifier.Verify<COPT2063UserMissing>("FROM alpine:3.20 AS base\nUSER nobody\nFROM base AS final\nCOPY app /app\n");

    [TestMethod]
    public void A_user_in_a_build_stage_does_not_change_the_image_user() =>
        RuleVerifier.Verify<COPT2063UserMissing>("FROM golang:1.22 AS build\nUSER builder\nFROM [|alpine:3.20|] AS final\nCOPY --from=build /app /app\n");

    [TestMethod]
    public void An_onbuild_user_does_not_count() =>
        RuleVerifier.Verify<COPT2063UserMissing>("FROM [|alpine:3.20|]\nONBUILD USER app\n");

    [TestMethod]
    public void An_entrypoint_script_that_drops_root_with_gosu_or_su_exec_is_silent_and_a_direct_command_is_not()
    {
        RuleVerifier.Verify<COPT2063UserMissing>("FROM postgres:16\nRUN apt-get update && apt-get install -y gosu\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n");
        RuleVerifier.Verify<COPT2063UserMissing>("FROM alpine:3.20\nRUN apk add su-exec\nENTRYPOINT su-exec nobody /app\n");
        RuleVerifier.Verify<COPT2063UserMissing>("FROM [|alpine:3.20|]\nRUN apk add su-exec\nENTRYPOINT [\"/app\"]\n");
    }

    [TestMethod]
    public void A_file_without_from_is_not_checked() =>
        RuleVerifier.Verify<COPT2063UserMissing>("RUN echo hello\n");

    [TestMethod]
    public void Rule_is_off_by_default()
    {
        Assert.IsFalse(DiagnosticCatalog.UserMissing.EnabledByDefault);
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[] { new COPT2063UserMissing() });
        Assert.AreEqual(0, analyzer.Analyze(new AnalysisInput(SourceText.From("FROM alpine:3.20\n", "Dockerfile"))).Findings.Count);
    }
}
