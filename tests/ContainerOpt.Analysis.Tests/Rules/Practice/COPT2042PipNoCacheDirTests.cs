using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2042PipNoCacheDirTests
{
    [TestMethod]
    public void Pip_install_without_no_cache_dir_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2042PipNoCacheDir>("FROM python:3.12\nRUN [|pip|] install MySQL_python\n");
        StringAssert.StartsWith(findings[0].Message, "Use 'pip install --no-cache-dir'");
    }

    [TestMethod]
    [DataRow("pip")]
    [DataRow("pip2")]
    [DataRow("pip3")]
    [DataRow("pip3.12")]
    public void Every_pip_is_checked_in_run_and_onbuild(string pip) =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>($"FROM python:3.12\nRUN [|{pip}|] install MySQL_python\nONBUILD RUN [|{pip}|] install MySQL_python\n");

    [TestMethod]
    public void No_cache_dir_anywhere_on_the_command_is_fine() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nRUN pip2 install MySQL_python --no-cache-dir\nRUN pip3 install --no-cache-dir MySQL_python\n"
            + "RUN pip install MySQL_python --no-cache-dir\nONBUILD RUN pip3 install --no-cache-dir MySQL_python\n");

    [TestMethod]
    public void Pipx_and_pipenv_are_fine() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nRUN pipx install software\nONBUILD Run pipx install software\nRUN pipenv install library\n"
            + "ONBUILD RUN pipenv install library\nRUN python3 -m pipx install black\n");

    [TestMethod]
    public void Python_m_pip_install_is_checked() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nRUN [|python3|] -m pip install -r requirements.txt\nRUN python -m pip install --no-cache-dir -U pip\n");

    [TestMethod]
    [DataRow("1")]
    [DataRow("on")]
    [DataRow("yes")]
    [DataRow("true")]
    public void A_truthy_PIP_NO_CACHE_DIR_from_env_the_command_or_export_is_fine(string value) =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            $"FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR={value}\nRUN pip install MySQL_python\n"
            + $"FROM python:3.12 AS b\nRUN PIP_NO_CACHE_DIR={value} pip install MySQL_python\n"
            + $"RUN export PIP_NO_CACHE_DIR={value} && pip install MySQL_python\n");

    [TestMethod]
    [DataRow("0")]
    [DataRow("off")]
    [DataRow("no")]
    [DataRow("false")]
    public void A_falsy_PIP_NO_CACHE_DIR_does_not_help(string value) =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            $"FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR={value}\nRUN [|pip|] install MySQL_python\n"
            + $"FROM python:3.12 AS b\nRUN PIP_NO_CACHE_DIR={value} [|pip|] install MySQL_python\n"
            + $"RUN export PIP_NO_CACHE_DIR={value} && [|pip|] install MySQL_python\n");

    [TestMethod]
    public void PIP_NO_CACHE_DIR_is_inherited_from_the_stage_built_on() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM debian:buster AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n");

    [TestMethod]
    public void PIP_NO_CACHE_DIR_of_an_unrelated_stage_does_not_count() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM debian:buster AS base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN [|pip|] install six\n");

    [TestMethod]
    public void A_shell_run_with_PIP_NO_CACHE_DIR_passes_it_on() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nRUN env PIP_NO_CACHE_DIR=1 sh -c \"pip install six\"\nRUN PIP_NO_CACHE_DIR=1 true && sh -c [|\"pip install six\"|]\n");

    [TestMethod]
    public void An_export_after_the_install_does_not_count() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nRUN [|pip|] install six && export PIP_NO_CACHE_DIR=1\n");

    [TestMethod]
    public void Arg_and_cache_mounts_are_fine() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install six\n"
            + "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n");

    [TestMethod]
    public void Reported_once_per_run_and_in_heredocs() =>
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nRUN [|pip|] install a && pip install b\nRUN <<EOF\n[|pip3|] install c\nEOF\n");

    [TestMethod]
    public void The_variable_on_busybox_sh_counts_as_on_any_shell() =>
        // Was reported: busybox sh was not among this rule's shells (ShellFacts.IsPosixShell is the one list now).
        RuleVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12-alpine\nRUN PIP_NO_CACHE_DIR=1 busybox sh -c \"pip install six\"\nRUN busybox sh -c [|\"pip install six\"|]\n");
}
