using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2013PipPinVersionsTests
{
    [TestMethod]
    public void Unpinned_packages_of_pip_pip2_and_pip3_are_one_finding_per_instruction()
    {
        var findings = RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip install [|MySQL_python|]\nRUN pip2 install [|MySQL_python|]\nRUN pip3 install [|requests flask==3.0.3 gunicorn|]\n");
        Assert.AreEqual(
            "Pin the version of 'MySQL_python' in pip install (MySQL_python==<version>), or install from a requirements file (pip install -r <file>), so rebuilds install the same versions.",
            findings[0].Message);
    }

    [TestMethod]
    public void Onbuild_run_is_checked() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nONBUILD RUN pip2 install [|MySQL_python|]\nONBUILD RUN pip install MySQL_python==1.2.2\n");

    [TestMethod]
    public void Every_version_specifier_is_a_pin() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip3 install MySQL_python==1.2.2 && pip install MySQL_python~=1.2.2 && pip install MySQL_python===1.2.2\n"
            + "RUN pip install 'alabaster>=0.7' && pip install 'alabaster<0.7' && pip install 'alabaster!=0.7' && pip install \"x<=2\" \"y>1\"\n");

    [TestMethod]
    public void Local_wheels_and_sdists_are_pinned() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip3 install mypkg.whl && pip3 install mypkg.tar.gz\nONBUILD RUN pip3 install mypkg.whl\n");

    [TestMethod]
    public void Requirements_files_and_the_current_project_are_not_checked() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip install -r requirements.txt\nRUN pip install --requirement requirements.txt\nRUN pip install .\n"
            + "RUN pip install -r requirements.txt flask && pip install -e . && pip install --requirement=req.txt\n");

    [TestMethod]
    public void Constraints_files_pin_the_whole_command() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip install pykafka --constraint http://foo.bar.baz\nRUN pip install pykafka -c http://foo.bar.baz\n");

    [TestMethod]
    public void Values_of_options_are_not_packages() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\n"
            + "RUN pip install --ignore-installed MySQL_python==1.2.2\n"
            + "RUN pip3 install --build /opt/yamllint yamllint==1.20.0\n"
            + "RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0\n"
            + "RUN pip3 install --root /opt/yamllint yamllint==1.20.0\n"
            + "RUN pip3 install --target /opt/yamllint yamllint==1.20.0\n"
            + "RUN pip3 install --trusted-host host example==1.2.2\n"
            + "RUN pip install --index-url https://eg.com/foo foobar==1.0.0\n"
            + "RUN pip install -i https://eg.com/foo foobar==1.0.0\n"
            + "RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0\n"
            + "RUN pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0\n"
            + "RUN pip install --timeout 60 --cache-dir /tmp/pip foobar==1.0.0\n");

    [TestMethod]
    public void Boolean_options_anywhere_do_not_hide_packages() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip install MySQL_python==1.2.2 --user && pip install MySQL_python==1.2.2 --disable-pip-version-check\n"
            + "RUN pip install MySQL_python==1.2.2 --no-cache-dir && pip install --no-cache-dir --upgrade [|pip|]\n");

    [TestMethod]
    public void Python_dash_m_pip_is_pip() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN python -m pip install example==1.2.2\nRUN python -m pip install [|example|]\n"
            + "RUN python3 -m pip install --index-url url [|example|]\nRUN python3 -m venv /venv && python3 -m http.server install\n");

    [TestMethod]
    public void Vcs_urls_need_a_ref() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext\n"
            + "RUN pip install [|git+https://github.com/rtfd/read-ext.git#egg=read-ext|]\n");

    [TestMethod]
    public void Paths_and_plain_urls_are_not_checked() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip install ./libs/mylib https://example.com/pkg.zip /tmp/src\n");

    [TestMethod]
    public void Wrappers_global_options_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN sudo -E pip3 --no-cache-dir install [|requests && env PIP_NO_CACHE_DIR=1 pip install -q flask|]\n"
            + "RUN <<EOF\npip install [|uvicorn|]\nEOF\n");

    [TestMethod]
    public void Other_pip_subcommands_are_not_checked() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN pip download requests && pip uninstall -y requests && pip freeze > installed.txt && pip wheel flask\n");

    [TestMethod]
    public void PowerShell_shell_is_not_posix() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12-windowsservercore\nSHELL [\"powershell\", \"-Command\"]\nRUN pip install requests\n");

    [TestMethod]
    public void Exec_form_is_checked() =>
        RuleVerifier.Verify<COPT2013PipPinVersions>(
            "FROM python:3.12\nRUN [\"pip\", \"install\", \"--no-cache-dir\", [|\"flask\"|], \"gunicorn==22.0.0\"]\n");
}
