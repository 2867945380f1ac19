using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2028GemPinVersionsTests
{
    [TestMethod]
    public void Unpinned_gem_is_reported_for_install_and_i()
    {
        var findings = RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\nRUN gem install [|bundler|]\nRUN gem i [|bundler|]\nONBUILD RUN gem install [|bundler|]\nONBUILD RUN gem i [|bundler|]\n");
        Assert.AreEqual("Pin the version of 'bundler' in gem install (gem install bundler:<version>, or -v <version>) so rebuilds install the same versions.", findings[0].Message);
    }

    [TestMethod]
    public void Colon_version_is_a_pin() =>
        RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\nRUN gem i bundler:1\nRUN gem install bundler:1\nRUN gem i bunlder:1 nokogiri:1\nONBUILD RUN gem i bundler:1\n");

    [TestMethod]
    public void Each_unpinned_gem_of_several_is_reported() =>
        RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\nRUN gem i bunlder:1 [|nokogiri|]\nONBUILD RUN gem i bunlder:1 [|nokogiri|]\n");

    [TestMethod]
    public void Version_option_pins_the_command() =>
        RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\nRUN gem install bundler -v '2.0.1'\nRUN gem install bundler --version '2.0.1'\nRUN gem install bundler --version='2.0.1'\n");

    [TestMethod]
    public void Build_options_are_not_gems() =>
        RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\n"
            + "RUN gem install bundler:2.0.1 -- --use-system-libraries=true\n"
            + "RUN gem install bundler:2.0.1 -- --use-system-libraries true\n"
            + "RUN gem install bundler:2.0.1 --use-system-libraries true\n"
            + "RUN gem install bundler:2.0.1 --use-system-libraries=true\n");

    [TestMethod]
    public void Known_switches_do_not_hide_the_gem_after_them() =>
        RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\nRUN gem install --no-document [|rails && gem install -N puma|] && gem install --user-install pry:0.14.2\n");

    [TestMethod]
    public void Local_gem_files_and_other_subcommands_are_fine() =>
        RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\nRUN gem install ./pkg/mygem-1.0.0.gem && gem update --system && gem list install && gem uninstall rails\n");

    [TestMethod]
    public void Wrappers_and_heredocs_are_understood() =>
        RuleVerifier.Verify<COPT2028GemPinVersions>(
            "FROM ruby:3.3\nRUN sudo -E gem install [|bundler|]\nRUN <<EOF\nenv GEM_HOME=/gems gem install [|rake|]\nEOF\n");
}
