using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2105NoLnBinShTests
{
    [TestMethod]
    public void Linking_over_bin_sh_is_reported_at_the_link()
    {
        var findings = RuleVerifier.Verify<COPT2105NoLnBinSh>("FROM debian:12\nRUN ln -sfv /bin/bash [|/bin/sh|]\n");
        StringAssert.StartsWith(findings[0].Message, "Use the SHELL instruction");
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2105NoLnBinSh>("FROM debian:12\nONBUILD RUN ln -sfv /bin/bash [|/bin/sh|]\n");

    [TestMethod]
    public void Unrelated_symlinks_are_fine() =>
        RuleVerifier.Verify<COPT2105NoLnBinSh>("FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\nONBUILD RUN ln -sf /bin/true /sbin/initctl\n");

    [TestMethod]
    public void Bin_sh_given_to_another_command_is_fine() =>
        RuleVerifier.Verify<COPT2105NoLnBinSh>(
            "FROM debian:12\nRUN ln -s foo bar && unrelated && something_with /bin/sh\nONBUILD RUN ln -s foo bar && unrelated && something_with /bin/sh\n");

    [TestMethod]
    public void Bin_sh_as_the_link_source_leaves_the_shell_alone() =>
        RuleVerifier.Verify<COPT2105NoLnBinSh>("FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/posix-sh\n");

    [TestMethod]
    public void Chained_and_heredoc_links_are_found() =>
        RuleVerifier.Verify<COPT2105NoLnBinSh>(
            "FROM debian:12\nRUN apt-get install -y bash && ln -sf bash [|/bin/sh|]\nRUN <<EOF\nrm /bin/sh\nln -s /bin/dash [|/bin/sh|]\nEOF\n");
}
