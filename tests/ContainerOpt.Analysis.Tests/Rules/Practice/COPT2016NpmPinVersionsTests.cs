using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2016NpmPinVersionsTests
{
    [TestMethod]
    public void Unpinned_packages_of_one_instruction_are_one_finding_naming_them_all()
    {
        var findings = RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm install [|express|]\nRUN npm install [|express|] sax@0.1.1\nONBUILD RUN npm install [|express|]\n");
        Assert.AreEqual("Pin the version of 'express' in npm install (express@<version>) so rebuilds install the same versions.", findings[0].Message);
    }

    [TestMethod]
    public void Install_from_package_json_is_fine() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm install\nRUN npm install --progress=false\nRUN npm ci\nONBUILD RUN npm install\n");

    [TestMethod]
    public void Versions_tags_and_ranges_are_pins() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm install express@4.1.1\nRUN npm install express@\"4.1.1\" sax@0.1.1\n"
            + "RUN npm install @myorg/privatepackage@\">=0.1.0\"\nRUN npm install @myorg/privatepackage@\">=0.1.0 <0.2.0\"\n"
            + "RUN npm install --global express@\"4.1.1\" && npm install -g express@\"4.1.1\"\n");

    [TestMethod]
    public void Scoped_packages_need_a_version_after_the_scope() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm install [|@myorg/privatepackage|]\nRUN npm install --global [|express|]\n");

    [TestMethod]
    public void Tarballs_and_folders_are_pinned() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm install package-v1.2.3.tar && npm install package-v1.2.3.tar.gz && npm install package-v1.2.3.tgz\n"
            + "RUN npm install /folder && npm install ./folder && npm install ../folder && npm install ~/folder\n");

    [TestMethod]
    public void Git_urls_need_a_commit_or_semver() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\n"
            + "RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27\n"
            + "RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0\n"
            + "RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27\n"
            + "RUN npm install git://github.com/npm/npm.git#v1.0.27\n"
            + "RUN npm install [|git+ssh://git@github.com:npm/npm.git|]\n"
            + "RUN npm install [|git+http://isaacs@github.com/npm/npm|]\n"
            + "RUN npm install [|git+https://isaacs@github.com/npm/npm.git|]\n"
            + "RUN npm install [|git://github.com/npm/npm.git|]\n");

    [TestMethod]
    public void Git_message_asks_for_a_commit()
    {
        var findings = RuleVerifier.Verify<COPT2016NpmPinVersions>("FROM node:22\nRUN npm install [|git://github.com/npm/npm.git|]\n");
        StringAssert.Contains(findings[0].Message, "(git://github.com/npm/npm.git#<commit or tag>)");
    }

    [TestMethod]
    public void Values_of_options_are_not_packages() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm install --loglevel verbose sax@0.1.1\nRUN npm install --registry https://example.com sax@0.1.1\n"
            + "RUN npm install --registry https://example.com [|express|]\nRUN npm install --registry=https://example.com [|express|]\n");

    [TestMethod]
    public void Other_subcommands_are_not_installs() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm run --crazy install && npm run build && npm ci --omit=dev && npm cache clean --force\n");

    [TestMethod]
    public void Aliases_wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2016NpmPinVersions>(
            "FROM node:22\nRUN npm i -g [|pnpm && sudo npm add typescript && env CI=1 npm --prefix /app install lodash|]\n"
            + "RUN <<EOF\nnpm install [|yarn|]\nEOF\n");
}
