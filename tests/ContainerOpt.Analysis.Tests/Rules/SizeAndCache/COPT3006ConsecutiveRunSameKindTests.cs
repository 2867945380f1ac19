using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3006ConsecutiveRunSameKindTests
{
    [TestMethod]
    public void Two_single_command_RUNs_in_a_row_are_one_finding_spanning_both()
    {
        var findings = RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>("FROM debian:12\n[|RUN /foo.sh\nRUN|] /bar.sh\n");
        Assert.AreEqual("The RUNs on lines 2 and 3 are all single commands: merge them into one RUN (join the commands with &&) to save 1 layer(s).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "COPT2059" }, new COPT3006ConsecutiveRunSameKind().Supersedes.ToArray());
    }

    [TestMethod]
    public void Comments_do_not_separate_RUNs_but_other_instructions_do() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\n[|RUN /foo.sh\n# a comment\n# another\nRUN|] /bar.sh\nWORKDIR /\nRUN /baz.sh\n");

    [TestMethod]
    public void A_run_of_RUNs_is_one_finding_naming_every_line()
    {
        var findings = RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\n[|RUN /a.sh\nRUN /b.sh\n# note\nRUN /c.sh\nRUN|] /d.sh\nENV X=1\nRUN /e.sh\n");
        StringAssert.StartsWith(findings.Single().Message, "The RUNs on lines 2, 3, 5 and 6 are all single commands");
        StringAssert.EndsWith(findings.Single().Message, "to save 3 layer(s).");
    }

    [TestMethod]
    public void A_long_run_of_RUNs_names_its_first_lines_its_last_and_how_many()
    {
        string middle = string.Concat(Enumerable.Range(2, 1198).Select(i => $"RUN /step{i}.sh\n"));
        var findings = RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>("FROM debian:12\n[|RUN /step1.sh\n" + middle + "RUN|] /step1200.sh\n");
        Assert.AreEqual("The RUNs on lines 2, 3, 4 … 1201 (1,200 RUNs) are all single commands: merge them into one RUN (join the commands with &&) to save 1199 layer(s).",
            findings.Single().Message);
    }

    [TestMethod]
    public void Different_flags_keep_RUNs_apart() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\nRUN --mount=type=secret,id=bar /bar.sh\n" +
            "[|RUN --mount=type=secret,id=a /a.sh\nRUN|] --mount=type=secret,id=a /b.sh\n");

    [TestMethod]
    public void Chained_plain_RUNs_are_deliberate() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\nRUN foo && bar\nRUN foobar\nRUN baz; qux\n[|RUN one\nRUN|] two\n");

    [TestMethod]
    public void RUNs_with_the_same_package_manager_belong_together()
    {
        var findings = RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\n[|RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN|] apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n");
        StringAssert.Contains(findings[0].Message, "all use apt, so one index update and one cleanup can serve them: merge them into one RUN (join the commands with &&) to save 1 layer(s).");
    }

    [TestMethod]
    public void Different_package_managers_stay_apart_for_the_cache() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir -r requirements.txt\n" +
            "RUN useradd app\nRUN npm ci\nRUN npm run build\n");

    [TestMethod]
    public void Restore_and_build_stay_apart() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet restore\nRUN dotnet publish --no-restore -o /app\n");

    [TestMethod]
    public void Same_manager_with_several_commands_in_pip() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM python:3.12-slim\n[|RUN pip install --no-cache-dir flask\nRUN|] pip install --no-cache-dir gunicorn && pip check\n");

    [TestMethod]
    public void Build_stages_are_not_checked() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12 AS build\nRUN /foo.sh\nRUN /bar.sh\nFROM debian:12-slim\nCOPY --from=build /out /out\n");

    [TestMethod]
    public void Onbuild_and_powershell_RUNs_are_not_merged() =>
        RuleVerifier.Verify<COPT3006ConsecutiveRunSameKind>(
            "FROM debian:12\nRUN /foo.sh\nONBUILD RUN /bar.sh\nRUN /baz.sh\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host a\nRUN Write-Host b\n");
}
