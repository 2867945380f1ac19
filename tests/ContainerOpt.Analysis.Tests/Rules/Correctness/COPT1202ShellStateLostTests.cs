using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1202ShellStateLostTests
{
    [TestMethod]
    public void An_export_that_ends_the_run_is_reported_with_env_as_the_fix()
    {
        var findings = RuleVerifier.Verify<COPT1202ShellStateLost>("FROM debian:12\nRUN [|export PATH=/opt/tool/bin:$PATH|]\n");
        Assert.AreEqual(
            "'export PATH=/opt/tool/bin:$PATH' only changes the shell of this RUN, and the RUN ends right after it, so it has no effect on later instructions, while its value still lands in the image history. Use ENV PATH=/opt/tool/bin:$PATH so later instructions see it (ARG for the build only), or run what needs it in the same RUN.",
            findings[0].Message);
    }

    [TestMethod]
    public void Source_cd_alias_and_unset_at_the_end_are_reported() =>
        RuleVerifier.Verify<COPT1202ShellStateLost>(
            "FROM python:3.12-slim\nRUN python -m venv /venv && [|. /venv/bin/activate|]\nRUN [|source ~/.bashrc|]\nRUN mkdir -p /app && [|cd /app|]\n"
            + "RUN [|alias ll='ls -l'|]\nRUN <<EOF\nset -e\n[|unset DEBIAN_FRONTEND|]\nEOF\n");

    [TestMethod]
    public void A_change_used_later_in_the_same_run_is_fine() =>
        RuleVerifier.Verify<COPT1202ShellStateLost>(
            "FROM debian:12\nRUN export A=1 && make\nRUN cd /src && make\nRUN . /venv/bin/activate && pip install x\nRUN echo $(cd /tmp)\n"
            + "RUN sh -c 'export X=1'\nRUN python3 <<EOF\nimport os\nEOF\nRUN export\nRUN true | cd /x\n");
}
