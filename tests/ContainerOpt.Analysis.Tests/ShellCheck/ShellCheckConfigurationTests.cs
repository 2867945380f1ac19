using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Core.Diagnostics;
using static ContainerOpt.Analysis.Tests.ShellCheck.ShellCheckRun;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>
/// SC codes are names like any rule's: configuration (.hadolint.yaml, containeropt.yaml, the options the CLI and
/// MSBuild set), pragmas and modes treat them as they treat DL codes. ARG and ENV names are declared to ShellCheck.
/// </summary>
[TestClass]
public sealed class ShellCheckConfigurationTests
{
    private const string Unquoted = "FROM debian:12\nRUN echo $foo\n";

    [TestMethod]
    public void Args_and_envs_of_the_stage_are_not_reported_as_unset()
    {
        const string dockerfile = "FROM debian:12 AS base\nENV inherited=1\nARG not_inherited=1\n"
            + "FROM base\nARG version\nARG with_default=1\nENV app_home=/app other=2\n"
            + "RUN echo \"$version\" \"$with_default\" \"$app_home\" \"$other\" \"$inherited\" \"$http_proxy\" \"$not_inherited\" \"$later\" \"$unset\"\n"
            + "ARG later\n";
        Same(new[]
        {
            "SC2154 " + At(dockerfile, "$not_inherited"),
            "SC2154 " + At(dockerfile, "$later"),
            "SC2154 " + At(dockerfile, "$unset"),
        }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void Onbuild_sees_the_stages_env_but_not_its_args()
    {
        // hadolint checks ONBUILD RUN with no state at all; the trigger really runs in the child image,
        // which has this stage's ENV (all of it) and none of its ARGs.
        const string dockerfile = "FROM debian:12\nARG argname=1\nONBUILD RUN echo \"$argname\" \"$envname\"\nENV envname=1\n";
        Same(new[] { "SC2154 " + At(dockerfile, "$argname") }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void Ignored_takes_sc_codes_and_the_descriptors_own_names()
    {
        var options = new AnalysisOptions();
        options.Ignored.Add("sc2086");
        Same(new[] { "SC2154 2:10-2:14" }, Describe(Analyze(Unquoted, options)));

        foreach (var name in new[] { "COPT2200", "shellcheck" })
        {
            options = new AnalysisOptions();
            options.Ignored.Add(name);
            Assert.AreEqual(0, Describe(Analyze(Unquoted, options)).Length, name);
        }
    }

    [TestMethod]
    public void A_hadolint_yaml_ignores_and_overrides_sc_codes()
    {
        var options = new AnalysisOptions();
        var problems = HadolintConfigReader.Read("ignored: [SC2154]\noverride:\n  error: [SC2086]\n", ".hadolint.yaml", options);
        Assert.AreEqual(0, problems.Count);
        Same(new[] { "SC2086 error" }, Severities(Analyze(Unquoted, options, mode: null)));
    }

    [TestMethod]
    public void A_containeropt_yaml_sets_an_sc_codes_severity_or_switches_it_off()
    {
        var options = new AnalysisOptions();
        var problems = ContainerOptConfigReader.Read("rules:\n  SC2086: none\n  SC2154: error\n", "containeropt.yaml", options);
        Assert.AreEqual(0, problems.Count);
        Same(new[] { "SC2154 error" }, Severities(Analyze(Unquoted, options)));
    }

    [TestMethod]
    public void Pragmas_name_sc_codes_for_the_next_instruction_or_the_file()
    {
        const string dockerfile = "FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $foo \\\n  $bar\nRUN echo $baz\n";
        Same(new[]
        {
            "SC2154 " + At(dockerfile, "$foo"),
            "SC2154 " + At(dockerfile, "$bar"),
            "SC2086 " + At(dockerfile, "$baz"),
            "SC2154 " + At(dockerfile, "$baz"),
        }, Describe(Analyze(dockerfile)));

        const string global = "# hadolint global ignore=SC2154,SC2086\nFROM debian:12\nRUN echo $foo\n# containeropt ignore=SC2164\nRUN cd /tmp\n";
        Assert.AreEqual(0, Describe(Analyze(global)).Length);
    }

    [TestMethod]
    public void Each_finding_names_its_sc_code_and_wiki_page_and_the_descriptor_names_none()
    {
        var finding = Analyze(Unquoted).First(f => f.Equivalents.Contains("SC2086"));
        Assert.AreEqual("COPT2200", finding.Code);
        Assert.AreEqual("SC2086: Double quote to prevent globbing and word splitting. (https://www.shellcheck.net/wiki/SC2086)", finding.Message);
        Assert.IsTrue(finding.IsNamedBy("SC2086") && finding.IsNamedBy("shellcheck") && !finding.IsNamedBy("SC2154"));
        Assert.AreEqual(0, DiagnosticCatalog.ShellCheck.Equivalents.Count);
        StringAssert.EndsWith(finding.Descriptor.HelpUri, "docs/rules/COPT2200.md");
    }

    [TestMethod]
    public void Rules_and_shellcheck_report_side_by_side_in_source_order()
    {
        const string dockerfile = "FROM debian:12\nRUN cd /tmp && echo $foo\n";
        var findings = Analyze(dockerfile, rules: new ContainerOpt.Analysis.Rules.DockerfileRule[] { new COPT2003UseWorkdirNotCd() });
        // No SC2164 (cd without || exit): && goes on only when cd worked.
        Same(new[] { "COPT2003@2:5", "COPT2200@2:21", "COPT2200@2:21" },
            findings.Select(f => $"{f.Code}@{f.Location.Start.Line}:{f.Location.Start.Column}").ToArray());
    }
}
