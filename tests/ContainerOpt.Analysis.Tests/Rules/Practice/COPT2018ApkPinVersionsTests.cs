using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2018ApkPinVersionsTests
{
    [TestMethod]
    public void Unpinned_package_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\nRUN apk add [|flex|]\nONBUILD RUN apk add [|flex|]\n");
        Assert.AreEqual("Pin the version of 'flex' in apk add (apk add flex=<version> or flex~<version>) so rebuilds install the same versions.", findings[0].Message);
    }

    [TestMethod]
    public void Equals_and_tilde_pins_are_fine() =>
        RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\nRUN apk add flex=2.6.4-r1\nRUN apk add --no-cache git~2.52.0\nONBUILD RUN apk add --no-cache git~2.52.0\n");

    [TestMethod]
    public void Pinned_install_chained_with_other_commands_is_fine() =>
        RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1 \\\n && pip install -r requirements.txt\n"
            + "RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi=3.2.1-r3 \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n");

    [TestMethod]
    public void The_one_unpinned_package_of_a_list_is_reported() =>
        RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\nRUN apk add --no-cache \\\nflex=2.6.4-r1 \\\n[|libffi|] \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n");

    [TestMethod]
    public void Virtual_package_name_is_not_a_package() =>
        RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\nRUN apk add \\\n--virtual build-dependencies \\\npython-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\\n"
            + "&& pip install -r requirements.txt \\\n&& python setup.py install \\\n&& apk del build-dependencies\n"
            + "RUN apk add -t .build-deps [|gcc|]\n");

    [TestMethod]
    public void Repository_values_are_not_packages() =>
        RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\n"
            + "RUN apk add --no-cache \\\n--repository https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n"
            + "RUN apk add --no-cache \\\n--repository=https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n"
            + "RUN apk add --no-cache \\\n-X https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n");

    [TestMethod]
    public void Apk_files_are_pinned() =>
        RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\nRUN apk add mypackage-1.1.1.apk\nONBUILD RUN apk add mypackage-1.1.1.apk\n");

    [TestMethod]
    public void Global_options_wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2018ApkPinVersions>(
            "FROM alpine:3.20\nRUN apk --no-cache add [|curl && sudo apk -U add bash|] && apk del curl && apk update\n"
            + "RUN <<EOF\napk add --no-cache [|git|]\nEOF\n");
}
