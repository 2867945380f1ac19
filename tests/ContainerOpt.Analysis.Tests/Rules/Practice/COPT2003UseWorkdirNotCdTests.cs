using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2003UseWorkdirNotCdTests
{
    [TestMethod]
    public void Cd_in_a_run_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2003UseWorkdirNotCd>("FROM debian:12\nRUN [|cd|] /opt\n");
        Assert.AreEqual("Use WORKDIR to switch to a directory instead of 'cd' in RUN.", findings[0].Message);
    }

    [TestMethod]
    public void Workdir_is_fine() =>
        RuleVerifier.Verify<COPT2003UseWorkdirNotCd>("FROM debian:12\nWORKDIR /opt\nRUN make\n");

    [TestMethod]
    public void Reported_once_per_run_at_the_first_cd() =>
        RuleVerifier.Verify<COPT2003UseWorkdirNotCd>("FROM debian:12\nRUN git clone https://x/y /src && [|cd|] /src \\\n    && make && cd / && rm -rf /src\n");

    [TestMethod]
    public void Cd_in_a_subshell_counts_too_as_in_hadolint() =>
        RuleVerifier.Verify<COPT2003UseWorkdirNotCd>("FROM debian:12\nRUN ([|cd|] /src && make) && rm -rf /src\n");

    [TestMethod]
    public void Onbuild_and_heredoc_runs_are_checked() =>
        RuleVerifier.Verify<COPT2003UseWorkdirNotCd>("FROM debian:12\nONBUILD RUN [|cd|] /app\nRUN <<EOF\n[|cd|] /tmp\nEOF\n");

    [TestMethod]
    public void Cd_as_an_argument_is_fine() =>
        RuleVerifier.Verify<COPT2003UseWorkdirNotCd>("FROM debian:12\nRUN echo cd && mkdir cd\n");

    [TestMethod]
    public void A_directory_the_script_computes_is_no_workdir() =>
        RuleVerifier.Verify<COPT2003UseWorkdirNotCd>(
            "FROM debian:12\nARG APP_HOME=/srv/app\nRUN cd \"$(mktemp -d)\" && make\nRUN cd /tmp/node-v* && make\nRUN dir=$(mktemp -d); cd $dir && make\n"
            + "RUN cd `dirname $0` && make\nRUN make && cd - && make\nRUN cd && ls\nRUN cd $UNDEFINED && make\nRUN [|cd|] $APP_HOME && make\n");
}
