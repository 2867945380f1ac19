using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>Exact before/after of the fixers of BuildKit's checks and hadolint's JSON and WORKDIR rules.</summary>
[TestClass]
public sealed class CorrectnessFixerTests
{
    // ---- COPT1106 / COPT2025: exec form.

    [TestMethod]
    public void Shell_form_becomes_exec_form() =>
        FixVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT dotnet Api.dll\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n");

    [TestMethod]
    public void Quotes_become_the_words_the_shell_makes_and_json_is_escaped() =>
        // (A line that already execs its command is not reported: the signals reach it.)
        FixVerifier.Verify<COPT2025JsonCmdEntrypoint>(
            "FROM alpine:3.20\nCMD nginx -g 'daemon off;' 'say \"hi\"'\n",
            "FROM alpine:3.20\nCMD [\"nginx\", \"-g\", \"daemon off;\", \"say \\\"hi\\\"\"]\n");

    [TestMethod]
    public void Continuation_lines_and_the_comments_among_them_stay()
    {
        FixVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM alpine:3.20\nCMD python3 \\\n    # the app\n    app.py \\\n    --port 8080\n",
            "FROM alpine:3.20\nCMD [\"python3\", \\\n    # the app\n    \"app.py\", \\\n    \"--port\", \"8080\"]\n");
    }

    [TestMethod]
    public void Crlf_stays() =>
        FixVerifier.Verify<COPT1106JsonArgsRecommended>(
            "FROM alpine:3.20\r\nCMD python3 \\\r\n    app.py\r\n",
            "FROM alpine:3.20\r\nCMD [\"python3\", \\\r\n    \"app.py\"]\r\n");

    [TestMethod]
    public void A_windows_stage_is_left_its_shell_form_runs_under_cmd()
    {
        // COPT1106 does not report Windows stages (its PID 1 rationale is Linux's), so there is nothing to fix
        foreach (string text in new[] { "# escape=`\r\nFROM alpine:3.20\r\nCMD python3 `\r\n    app.py\r\n", "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD app.exe\n" })
        {
            var result = FixVerifier.Fix<COPT1106JsonArgsRecommended>(text);
            Assert.AreEqual(text, result.FixedText);
            Assert.IsFalse(result.Remaining.Any(f => f.Code == "COPT1106"), text);
        }
    }

    [TestMethod]
    public void A_word_with_an_escape_is_left() =>
        FixVerifier.Unchanged<COPT2025JsonCmdEntrypoint>("FROM alpine:3.20\nCMD echo a\\ b\n");

    [TestMethod]
    [DataRow("CMD echo $HOME")]
    [DataRow("CMD ./start.sh && ./serve")]
    [DataRow("CMD serve > /var/log/out")]
    [DataRow("CMD serve /srv/*")]
    [DataRow("CMD ASPNETCORE_URLS=http://+:80 dotnet Api.dll")]
    [DataRow("CMD serve ~/site")]
    [DataRow("CMD serve # the server")]
    [DataRow("CMD serve `date`")]
    public void A_command_the_shell_does_something_for_is_not_written_in_exec_form(string cmd) =>
        FixVerifier.Unchanged<COPT2025JsonCmdEntrypoint>("FROM alpine:3.20\n" + cmd + "\n");

    [TestMethod]
    [DataRow("CMD echo $HOME", "CMD exec echo $HOME")]
    [DataRow("CMD ./start.sh && ./serve", "CMD ./start.sh && exec ./serve")]
    [DataRow("CMD ASPNETCORE_URLS=http://+:80 dotnet Api.dll", "CMD ASPNETCORE_URLS=http://+:80 exec dotnet Api.dll")]
    [DataRow("CMD serve /srv/*", "CMD exec serve /srv/*")]
    public void A_command_that_needs_the_shell_keeps_it_and_execs_its_last_command(string cmd, string fixedCmd) =>
        FixVerifier.Verify<COPT1106JsonArgsRecommended>("FROM alpine:3.20\n" + cmd + "\n", "FROM alpine:3.20\n" + fixedCmd + "\n");

    [TestMethod]
    public void A_pipeline_is_left() =>
        FixVerifier.Unchanged<COPT1106JsonArgsRecommended>("FROM alpine:3.20\nCMD serve | tee /var/log/out\n");

    [TestMethod]
    public void An_entrypoint_that_a_cmd_would_become_arguments_of_is_left()
    {
        FixVerifier.Unchanged<COPT2025JsonCmdEntrypoint>("FROM alpine:3.20\nCMD [\"--help\"]\nENTRYPOINT serve\n");
        FixVerifier.Unchanged<COPT2025JsonCmdEntrypoint>("FROM alpine:3.20 AS base\nENTRYPOINT serve\nFROM base\nCMD [\"--help\"]\n");
        // A CMD of the base image is reset by the ENTRYPOINT: nothing in the file sets one.
        FixVerifier.Verify<COPT1106JsonArgsRecommended>("FROM node:22\nENTRYPOINT npm start\n", "FROM node:22\nENTRYPOINT [\"npm\", \"start\"]\n");
    }

    [TestMethod]
    public void A_cmd_that_an_entrypoint_would_receive_is_left() =>
        FixVerifier.Unchanged<COPT2025JsonCmdEntrypoint>("FROM alpine:3.20\nENTRYPOINT [\"/entry.sh\"]\nCMD serve\n");

    [TestMethod]
    public void Hadolint_s_rule_fixes_the_same_way_but_not_inside_onbuild()
    {
        FixVerifier.Verify<COPT2025JsonCmdEntrypoint>("FROM alpine:3.20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD serve --all\n",
            "FROM alpine:3.20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD [\"serve\", \"--all\"]\n");
        FixVerifier.Unchanged<COPT2025JsonCmdEntrypoint>("FROM alpine:3.20\nONBUILD CMD serve\n");
    }

    // ---- COPT1100, COPT1101, COPT1103: casing.

    [TestMethod]
    public void A_stage_name_is_lower_cased_with_every_reference_to_it() =>
        FixVerifier.Verify<COPT1100StageNameCasing>(
            "FROM alpine:3.20 AS Build\nRUN make\nFROM Build AS Test\nRUN --mount=type=cache,from=Build,target=/c make test\nFROM scratch\nCOPY --from=Build /out /out\nCOPY --from=Test /r /r\n",
            "FROM alpine:3.20 AS build\nRUN make\nFROM build AS test\nRUN --mount=type=cache,from=build,target=/c make test\nFROM scratch\nCOPY --from=build /out /out\nCOPY --from=test /r /r\n");

    [TestMethod]
    public void As_is_cased_like_its_from() =>
        FixVerifier.Verify<COPT1101FromAsCasing>(
            "FROM alpine:3.20 as build\r\nfrom scratch AS final\r\n",
            "FROM alpine:3.20 AS build\r\nfrom scratch as final\r\n");

    [TestMethod]
    public void Keywords_take_the_case_of_the_majority() =>
        FixVerifier.Verify<COPT1103ConsistentInstructionCasing>(
            "FROM alpine:3.20\nrun echo a \\\n  && echo b\nCopy a /a\nWORKDIR /app\n",
            "FROM alpine:3.20\nRUN echo a \\\n  && echo b\nCOPY a /a\nWORKDIR /app\n");

    // ---- COPT1107: MAINTAINER.

    [TestMethod]
    public void Maintainer_becomes_the_authors_label()
    {
        FixVerifier.Verify<COPT1107MaintainerDeprecated>(
            "FROM alpine:3.20\nMAINTAINER \"Jane Doe\" <jane@example.com>\n",
            "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"\\\"Jane Doe\\\" <jane@example.com>\"\n");
        FixVerifier.Verify<COPT1107MaintainerDeprecated>(
            "FROM alpine:3.20\r\nmaintainer \"Jane $USER\"\r\n",
            "FROM alpine:3.20\r\nlabel org.opencontainers.image.authors=\"Jane \\$USER\"\r\n");
        FixVerifier.Verify<COPT1107MaintainerDeprecated>(
            "# escape=`\nFROM alpine:3.20\nMAINTAINER Jane \"J\" Doe\n",
            "# escape=`\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane `\"J`\" Doe\"\n");
    }

    [TestMethod]
    public void Maintainer_is_left_when_the_stage_sets_the_label_already() =>
        FixVerifier.Unchanged<COPT1107MaintainerDeprecated>(
            "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"team@example.com\"\nMAINTAINER Jane\n");

    // ---- COPT1112: legacy ENV/LABEL.

    [TestMethod]
    public void Legacy_key_value_becomes_key_equals_value()
    {
        FixVerifier.Verify<COPT1112LegacyKeyValueFormat>(
            "FROM alpine:3.20\nENV PATH /opt/bin:$PATH\nLABEL version 1.0\nENV GREETING hello  world\nENV QUOTED \"a b\"\n",
            "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\nLABEL version=1.0\nENV GREETING=\"hello  world\"\nENV QUOTED=\"a b\"\n");
    }

    [TestMethod]
    public void A_legacy_value_over_continuation_lines_keeps_them() =>
        FixVerifier.Verify<COPT1112LegacyKeyValueFormat>(
            "FROM alpine:3.20\r\nENV LIST one \\\r\n    two\r\n",
            "FROM alpine:3.20\r\nENV LIST=\"one \\\r\n    two\"\r\n");

    [TestMethod]
    public void A_legacy_value_with_blanks_and_quotes_is_left() =>
        FixVerifier.Unchanged<COPT1112LegacyKeyValueFormat>("FROM alpine:3.20\nENV MSG say \"hi there\"\n");

    // ---- COPT1109 / COPT2000: WORKDIR.

    [TestMethod]
    public void A_relative_workdir_is_made_absolute_where_the_one_before_it_is_known()
    {
        FixVerifier.Verify<COPT2000WorkdirAbsolutePath>(
            "FROM alpine:3.20\nWORKDIR /src\nWORKDIR app/../api\nFROM scratch\nWORKDIR out\n",
            "FROM alpine:3.20\nWORKDIR /src\nWORKDIR /src/api\nFROM scratch\nWORKDIR /out\n");
        FixVerifier.Verify<COPT1109WorkdirRelativePath>("FROM scratch\nWORKDIR app\n", "FROM scratch\nWORKDIR /app\n");
    }

    [TestMethod]
    public void The_first_workdir_on_an_image_is_left_its_base_is_unknown()
    {
        FixVerifier.Unchanged<COPT2000WorkdirAbsolutePath>("FROM alpine:3.20\nWORKDIR app\n");
        FixVerifier.Unchanged<COPT1109WorkdirRelativePath>("FROM alpine:3.20\nWORKDIR app\n");
    }
}
