using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2068PeclPinVersionsTests
{
    [TestMethod]
    public void An_extension_without_version_is_reported_at_its_name()
    {
        var findings = RuleVerifier.Verify<COPT2068PeclPinVersions>("FROM php:8.3-fpm\nRUN pecl install [|imagick|] && docker-php-ext-enable imagick\n");
        StringAssert.StartsWith(findings[0].Message, "Pin the version of 'imagick' in pecl install");
        CollectionAssert.AreEqual(new[] { "DL3068" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Versions_with_or_without_channel_are_pinned() =>
        RuleVerifier.Verify<COPT2068PeclPinVersions>(
            "FROM php:8.3\nRUN pecl install apcu-5.1.23 mongodb-1 -f pecl_http-4.2.6 --soft\n"
            + "RUN pecl install pecl.php.net/apcu-5.1.23 ch/apcu-5.1.23 channel://pecl.php.net/apcu-5.1.23 apcu-${APCU_VERSION}\n");

    [TestMethod]
    public void A_stability_state_is_not_a_version() =>
        RuleVerifier.Verify<COPT2068PeclPinVersions>(
            "FROM php:8.3\nRUN pecl install [|apcu-stable xdebug-beta pecl.php.net/apcu channel://pecl.php.net/mongodb|]\n");

    [TestMethod]
    public void Local_files_and_urls_install_exactly_what_they_name() =>
        RuleVerifier.Verify<COPT2068PeclPinVersions>(
            "FROM php:8.3\nRUN pecl install /tmp/apcu-5.1.23.tgz ./ext/package.xml package.xml https://example.org/apcu.tgz\n");

    [TestMethod]
    public void Option_values_and_other_subcommands_are_not_packages() =>
        RuleVerifier.Verify<COPT2068PeclPinVersions>(
            "FROM php:8.3\nRUN pecl -d php_suffix=8.3 install -R /opt apcu-5.1.23 && pecl uninstall apcu && pecl run --crazy install && pecl channel-update pecl.php.net\n");

    [TestMethod]
    public void Onbuild_and_heredoc_scripts_are_checked() =>
        RuleVerifier.Verify<COPT2068PeclPinVersions>(
            "FROM php:8.3\nONBUILD RUN pecl install [|redis|]\nRUN <<EOF\npecl install [|xdebug|]\nEOF\n");
}
