using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1110UndefinedVarTests
{
    [TestMethod]
    public void A_variable_nothing_defines_is_reported_in_each_stage()
    {
        var findings = RuleVerifier.Verify<COPT1110UndefinedVar>("FROM scratch AS first\nCOPY [|$foo|] .\n\nFROM scratch AS second\nCOPY [|$bar|] .\n");
        Assert.AreEqual("Usage of undefined variable '$foo': define it with ARG or ENV before this instruction.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "UndefinedVar" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void The_nearest_defined_name_is_suggested()
    {
        var findings = RuleVerifier.Verify<COPT1110UndefinedVar>(
            "FROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY [|$DIR_ASSET|] .\n");
        Assert.AreEqual("Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?): define it with ARG or ENV before this instruction, or use $DIR_ASSETS.", findings[0].Message);
    }

    [TestMethod]
    public void Path_is_always_defined_and_suggested()
    {
        var findings = RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nENV PATH=[|$PAHT|]:/tmp/bin\nENV PATH=$PATH:/opt/bin\n");
        StringAssert.StartsWith(findings[0].Message, "Usage of undefined variable '$PAHT' (did you mean $PATH?)");
    }

    [TestMethod]
    public void A_use_before_the_definition_is_reported() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nCOPY [|${foo}|] .\nARG foo=bar\nCOPY $foo .\n");

    [TestMethod]
    public void An_arg_without_value_declares_the_name() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n");

    [TestMethod]
    public void Args_and_env_of_the_base_stage_are_inherited() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine AS base\nARG foo=Dockerfile\nENV DEST=/app\n\nFROM base\nCOPY $foo $DEST/\n");

    [TestMethod]
    public void Stages_that_read_no_variable_still_pass_their_args_and_env_down_the_chain() =>
        // Neither base reads a variable (the '$' of the first is the shell's), so neither is run until the last stage needs them.
        RuleVerifier.Verify<COPT1110UndefinedVar>(
            "FROM alpine AS first\nENV FROM_FIRST=1\nRUN echo $UNSET_IN_SHELL\n\nFROM first AS second\nARG FROM_SECOND=2\n\nFROM second\nCOPY $FROM_FIRST $FROM_SECOND [|$UNSET|] /\n");

    [TestMethod]
    public void Global_args_are_not_visible_in_a_stage_until_declared_there() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("ARG VERSION=1.0\nFROM alpine\nLABEL version=[|$VERSION|]\nARG VERSION\nLABEL version=$VERSION\n");

    [TestMethod]
    public void Default_value_forms_still_read_the_variable() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nWORKDIR [|${APP_DIR:-/app}|]\n");

    [TestMethod]
    public void Shell_instructions_are_left_to_the_shell() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nRUN echo $foo\nCMD echo $bar\nENTRYPOINT [\"sh\", \"-c\", \"$baz\"]\n");

    [TestMethod]
    public void Env_pairs_expand_against_the_environment_before_the_instruction() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nENV A=1 B=[|$A|]\nENV C=$A\n");

    [TestMethod]
    public void Arg_defaults_see_the_args_declared_before_them() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nARG A=1 B=$A\nARG C=[|$D|]\n");

    [TestMethod]
    public void Well_known_image_environment_is_defined() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\nFROM golang:1.23 AS go\nWORKDIR $GOPATH/src\nFROM alpine\nUSER [|$APP_UID|]\n");

    [TestMethod]
    public void Expanded_heredoc_bodies_of_copy_are_checked_and_quoted_ones_are_not() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nCOPY <<EOF /etc/app.conf\nname=[|$NAME|]\nEOF\nCOPY <<'EOF' /etc/raw.conf\nname=$NAME\nEOF\n");

    [TestMethod]
    public void Mount_options_of_run_are_checked() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nRUN --mount=type=cache,target=[|$CACHE_DIR|] make\n");

    [TestMethod]
    public void Each_variable_is_reported_once_per_instruction_and_single_quotes_do_not_expand() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nCOPY [|$src|] $src/ /dst/\nLABEL note='$literal'\n");

    [TestMethod]
    public void A_build_argument_for_an_arg_skips_its_default()
    {
        var options = new AnalysisOptions();
        options.BuildArgs["A"] = "x";
        RuleVerifier.Verify<COPT1110UndefinedVar>("FROM alpine\nARG A=$MISSING\nCOPY $A .\n", options: options);
    }

    [TestMethod]
    public void An_image_whose_environment_is_unknown_may_set_the_variable_so_only_a_likely_typo_is_reported() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>(
            "FROM mambaorg/micromamba:1.5\nCOPY --chown=$MAMBA_USER:$MAMBA_USER env.yaml /tmp/env.yaml\nENV APP_HOME=/app\nWORKDIR [|$APP_HOM|]\n"
            + "FROM registry.example.com/base:1 AS b\nUSER $USERNAME\nFROM alpine:3.20\nUSER [|$USERNAME|]\n"
            + "FROM gobuffalo/buffalo:v0.15.4\nWORKDIR $GOPATH/src/app\n");

    [TestMethod]
    public void PowerShell_env_in_a_windows_workdir_is_reported_as_syntax_docker_does_not_expand()
    {
        // The shape of a real Windows Dockerfile: the ENV is defined, but $env:NAME reads Docker's undefined $env and keeps ":NAME".
        var findings = RuleVerifier.Verify<COPT1110UndefinedVar>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2019\nENV STEAMCMD_PATH=\"C:\\steamcmd\"\nWORKDIR [|$env:STEAMCMD_PATH|]\n");
        Assert.AreEqual(
            "'$env:STEAMCMD_PATH' is PowerShell syntax, which Docker does not expand (it reads the undefined variable '$env' and leaves ':STEAMCMD_PATH'): "
            + "write ${STEAMCMD_PATH} and define it with ARG or ENV before this instruction, or write the literal value.",
            findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
    }

    [TestMethod]
    public void PowerShell_env_is_reported_in_every_instruction_docker_expands_once_per_use()
    {
        // Unknown image environment (no near-miss suggestion either): the PowerShell form is still reported; EXPOSE too.
        var findings = RuleVerifier.Verify<COPT1110UndefinedVar>(
            "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app [|$Env:ProgramFiles|]\\app\\ [|$env:TEMP|]\\\n"
            + "LABEL home=[|$env:USERPROFILE|]\nEXPOSE [|$env:PORT|]\nUSER [|$env:USERNAME|]\n");
        Assert.AreEqual(5, findings.Count);
        StringAssert.StartsWith(findings[0].Message, "'$Env:ProgramFiles' is PowerShell syntax, which Docker does not expand (it reads the undefined variable '$Env' and leaves ':ProgramFiles'): write ${ProgramFiles} and ");
    }

    [TestMethod]
    public void PowerShell_env_where_docker_does_not_expand_is_left_to_the_shell() =>
        RuleVerifier.Verify<COPT1110UndefinedVar>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN New-Item -ItemType Directory $env:APPDATA\\app\n"
            + "CMD Write-Output $env:APPDATA\nENTRYPOINT [\"powershell\", \"-Command\", \"$env:APPDATA\"]\n");

    [TestMethod]
    public void An_undefined_variable_on_a_windows_stage_is_still_reported_as_before()
    {
        var findings = RuleVerifier.Verify<COPT1110UndefinedVar>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nARG APP_HOME=C:\\app\nWORKDIR [|$APP_HOM|]\nEXPOSE $PORT\n");
        Assert.AreEqual("Usage of undefined variable '$APP_HOM' (did you mean $APP_HOME?): define it with ARG or ENV before this instruction, or use $APP_HOME.", findings[0].Message);
    }

    [TestMethod]
    public void A_windows_workdir_under_powershell_env_gets_this_one_finding_of_all_rules()
    {
        var input = new AnalysisInput(SourceText.From("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR $env:APPDATA\\app\n", "Dockerfile"))
        {
            Options = new() { Mode = AnalysisMode.All },
        };
        var findings = new DockerfileAnalyzer().Analyze(input).Findings.Where(f => f.Location.Start.Line == 2).ToList();
        CollectionAssert.AreEqual(new[] { "COPT1110 (2,9,2,21)" }, findings.Select(f => $"{f.Code} {f.Location}").ToArray(),
            string.Join("\n", findings.Select(f => f.ToCanonicalString())));
    }

    [TestMethod]
    public void The_image_environment_tables_hold_distinct_names_and_never_PATH()
    {
        // The rule adds a base image's names to a new environment (after PATH) without searching those before: every
        // table of names must be free of duplicates and of PATH, or a name would be listed twice.
        var fields = typeof(ContainerOpt.Analysis.Facts.BuildKitSemantics).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        var tables = new List<(string Name, string[] Names)>();
        foreach (var field in fields)
        {
            if (field.GetValue(null) is string[] names && field.Name.EndsWith("Env", StringComparison.Ordinal))
            {
                tables.Add((field.Name, names));
            }
            else if (field.GetValue(null) is Dictionary<string, string[]> byImage)
            {
                tables.AddRange(byImage.Select(p => (field.Name + "[" + p.Key + "]", p.Value)));
            }
        }
        Assert.IsTrue(tables.Count > 20, string.Join(", ", tables.Select(t => t.Name)));
        foreach (var (name, names) in tables)
        {
            Assert.AreEqual(names.Length, names.Distinct(StringComparer.Ordinal).Count(), name);
            Assert.IsFalse(names.Contains("PATH"), name);
        }
    }
}
