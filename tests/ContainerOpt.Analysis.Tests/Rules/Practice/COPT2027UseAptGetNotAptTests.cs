using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2027UseAptGetNotAptTests
{
    [TestMethod]
    public void Apt_is_reported_at_the_program_name()
    {
        var findings = RuleVerifier.Verify<COPT2027UseAptGetNotApt>(
            "FROM ubuntu\nRUN [|apt|] install python\nONBUILD RUN [|apt|] install python\n");
        StringAssert.StartsWith(findings[0].Message, "Use apt-get or apt-cache instead of apt");
    }

    [TestMethod]
    public void Every_apt_command_is_reported_wherever_it_stands() =>
        RuleVerifier.Verify<COPT2027UseAptGetNotApt>(
            "FROM ubuntu\nRUN [|apt|] update && sudo [|/usr/bin/apt|] -y upgrade; bash -c \"true\"\nRUN <<EOF\n[|apt|] list --installed\nEOF\n");

    [TestMethod]
    public void Apt_get_apt_cache_and_apt_words_are_fine() =>
        RuleVerifier.Verify<COPT2027UseAptGetNotApt>(
            "FROM ubuntu\nRUN apt-get update && apt-cache policy curl && echo apt && apt-key list && aptitude search apt\n");
}
