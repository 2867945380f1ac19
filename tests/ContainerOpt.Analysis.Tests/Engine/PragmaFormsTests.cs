using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>hadolint's pragma forms (inline, global, stage, shell) and ContainerOpt's own.</summary>
[TestClass]
public sealed class PragmaFormsTests
{
    private static string[] Codes(string text) =>
        EngineRun.Codes(EngineRun.Analyze(text, new AnalysisOptions { Mode = AnalysisMode.All }));

    [TestMethod]
    public void Stage_ignore_applies_to_the_stage_the_next_FROM_starts_and_no_other()
    {
        const string file = "FROM debian:12 AS a\nRUN apt-get install -y curl\n# hadolint stage ignore=DL3008\nFROM debian:12 AS b\nRUN apt-get install -y curl\nFROM debian:12 AS c\nRUN apt-get install -y curl\n";
        CollectionAssert.AreEqual(new[] { "COPT2008@2", "COPT2008@7" }, Codes(file));
    }

    [TestMethod]
    public void Stage_ignore_not_followed_by_FROM_does_nothing()
    {
        CollectionAssert.AreEqual(new[] { "COPT2008@3" }, Codes("FROM debian:12\n# hadolint stage ignore=DL3008\nRUN apt-get install -y curl\n"));
    }

    [TestMethod]
    public void A_hadolint_pragma_with_a_name_hadolint_does_not_know_is_void_as_in_hadolint()
    {
        CollectionAssert.AreEqual(new[] { "COPT2008@3" }, Codes("FROM debian:12\n# hadolint ignore=crazy,DL3008\nRUN apt-get install -y curl\n"));
        CollectionAssert.AreEqual(Array.Empty<string>(), Codes("FROM debian:12\n# containeropt ignore=apt-get-pin-versions\nRUN apt-get install -y curl\n"));
    }

    [TestMethod]
    public void Blanks_around_equals_and_commas_and_a_reason_after_a_hash_are_allowed()
    {
        CollectionAssert.AreEqual(Array.Empty<string>(),
            Codes("FROM debian:12\n#hadolint ignore = DL3014 , DL3008 # curl comes from the base's pins\nRUN apt-get install -y curl\n"));
        CollectionAssert.AreEqual(Array.Empty<string>(), Codes("# hadolint global ignore=DL3008\nFROM debian:12\nRUN apt-get install -y curl\n"));
    }

    [TestMethod]
    public void Shell_pragma_makes_the_following_RUNs_non_posix_and_before_FROM_every_stage()
    {
        // Under PowerShell the apt-get words are not a POSIX command line: the shell rules step aside.
        CollectionAssert.AreEqual(new[] { "COPT2008@2" },
            Codes("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install -y curl\n# hadolint shell=powershell\nRUN apt-get install -y curl\n"));
        CollectionAssert.AreEqual(Array.Empty<string>(),
            Codes("# hadolint shell=pwsh\nFROM a:1 AS x\nRUN apt-get install -y curl\nFROM b:1\nRUN apt-get install -y curl\n"));
    }
}
