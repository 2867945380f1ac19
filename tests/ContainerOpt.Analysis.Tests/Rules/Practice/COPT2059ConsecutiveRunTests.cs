using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2059ConsecutiveRunTests
{
    [TestMethod]
    public void Two_consecutive_runs_are_reported_at_the_second()
    {
        var findings = RuleVerifier.Verify<COPT2059ConsecutiveRun>("FROM debian:12\nRUN /foo.sh\n[|RUN|] /bar.sh\n");
        StringAssert.StartsWith(findings[0].Message, "Merge this RUN into the RUN before it");
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }

    [TestMethod]
    public void No_run_or_one_run_is_fine() =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>("FROM debian:10\nFROM debian:10\n# a comment\nRUN /foo.sh\n");

    [TestMethod]
    public void Runs_with_another_instruction_between_are_fine() =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>("FROM debian:12\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\nFROM debian:12\nRUN /baz.sh\n");

    [TestMethod]
    public void Comments_between_runs_do_not_separate_them() =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>(
            "FROM debian:12\nRUN /foo.sh\n# a comment\n[|RUN|] /bar.sh\n# a comment\n# another comment\n[|RUN|] /baz.sh\n");

    [TestMethod]
    public void Different_flags_are_fine() =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>(
            "FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n"
            + "RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n");

    [TestMethod]
    public void Equal_flags_are_reported_whatever_their_option_order() =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>(
            "FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\n[|RUN|] --mount=type=secret,id=foo /bar.sh\n"
            + "WORKDIR /\nRUN --mount=type=cache,target=/root/.cache --network=none a\n[|RUN|] --network=none --mount=target=/root/.cache,type=cache b\n");

    [TestMethod]
    [DataRow("RUN foo && bar", "RUN foobar")]
    [DataRow("RUN foo; bar", "RUN foobar")]
    [DataRow("RUN foobar", "RUN foo && bar")]
    [DataRow("RUN foobar", "RUN foo; bar")]
    [DataRow("RUN foo && bar", "RUN foo; bar")]
    public void Chained_commands_are_taken_as_deliberate_layers(string first, string second) =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>($"FROM debian:12\n{first}\n{second}\n");

    [TestMethod]
    public void Single_command_runs_after_a_chained_one_are_reported() =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>("FROM debian:12\nRUN foo && bar\nRUN foo\n[|RUN|] bar\n[|RUN|] baz\n");

    [TestMethod]
    public void Onbuild_run_and_multi_command_heredocs_are_not_merged() =>
        RuleVerifier.Verify<COPT2059ConsecutiveRun>(
            "FROM debian:12\nRUN a\nONBUILD RUN b\nONBUILD RUN c\nRUN d\nRUN <<EOF\nset -e\nmake\nEOF\n");
}
