namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- COPT2xxx: general practice (hadolint's rules, by code).

    /// <summary>COPT2000, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2000WorkdirAbsolutePath.cs.</summary>
    public static readonly DiagnosticDescriptor WorkdirAbsolutePath = new(
        "COPT2000",
        "workdir-absolute-path",
        "Use an absolute WORKDIR",
        "WORKDIR '{0}' is relative to whatever WORKDIR the base image set: use an absolute path (WORKDIR /app).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3000" });

    /// <summary>COPT2001, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2001PointlessCommand.cs.</summary>
    public static readonly DiagnosticDescriptor PointlessCommand = new(
        "COPT2001",
        "pointless-command",
        "Do not run interactive or system-management commands in RUN",
        "Remove '{0}' from the RUN: interactive and system-management commands (ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig) do nothing useful while an image is built.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3001" });

    /// <summary>COPT2002, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2002LastUserRoot.cs.</summary>
    public static readonly DiagnosticDescriptor LastUserRoot = new(
        "COPT2002",
        "last-user-root",
        "Last USER should not be root",
        "The last USER of stage '{0}' is '{1}', so its processes run as root: switch to a non-root user (USER 1000 or USER app) after the steps that need root.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3002" });

    /// <summary>COPT2003, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2003UseWorkdirNotCd.cs.</summary>
    public static readonly DiagnosticDescriptor UseWorkdirNotCd = new(
        "COPT2003",
        "use-workdir-not-cd",
        "Use WORKDIR to switch to a directory",
        "Use WORKDIR to switch to a directory instead of 'cd' in RUN.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3003" });

    /// <summary>COPT2004, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2004NoSudo.cs.</summary>
    public static readonly DiagnosticDescriptor NoSudo = new(
        "COPT2004",
        "no-sudo",
        "Do not use sudo",
        "Do not use sudo: it behaves unpredictably without a terminal. Switch users with USER, or use gosu/su-exec to drop root at run time.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3004" });

    /// <summary>COPT2006, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2006ImageTagMissing.cs.</summary>
    public static readonly DiagnosticDescriptor ImageTagMissing = new(
        "COPT2006",
        "image-tag-missing",
        "Always tag the version of an image explicitly",
        "Image '{0}' has no tag, so it means whatever ':latest' is on the day of the build: pin a version ({0}:<version>) or a digest.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3006" });

    /// <summary>COPT2007, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2007ImageTagLatest.cs.</summary>
    public static readonly DiagnosticDescriptor ImageTagLatest = new(
        "COPT2007",
        "image-tag-latest",
        "Do not use the latest tag",
        "'{0}' uses the 'latest' tag, which moves whenever the image is updated: pin a release tag or a digest.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3007" });

    /// <summary>COPT2008, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2008AptGetPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor AptGetPinVersions = new(
        "COPT2008",
        "apt-get-pin-versions",
        "Pin versions in apt-get install",
        "Pin the version of {0} in apt-get install (apt-get install {1}=<version>) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3008" });

    /// <summary>COPT2009, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2009AptListsNotRemoved.cs.</summary>
    public static readonly DiagnosticDescriptor AptListsNotRemoved = new(
        "COPT2009",
        "apt-lists-not-removed",
        "Delete the apt lists after apt-get update",
        "Delete the apt lists in the same RUN after apt-get update (&& rm -rf /var/lib/apt/lists/*), or mount a cache on /var/lib/apt/lists, so the package index does not stay in the image.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3009" });

    /// <summary>COPT2010, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2010AddLocalArchive.cs.</summary>
    public static readonly DiagnosticDescriptor AddLocalArchive = new(
        "COPT2010",
        "add-local-archive",
        "Use ADD for extracting archives into an image",
        "Archive '{0}' is copied and then extracted on line {1}, which keeps the archive in a layer: use ADD {0} <dir>/ to extract it in one step.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3010" });

    /// <summary>COPT2011, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2011ExposePortRange.cs.</summary>
    public static readonly DiagnosticDescriptor ExposePortRange = new(
        "COPT2011",
        "expose-port-range",
        "Valid UNIX ports range from 0 to 65535",
        "EXPOSE '{0}' is not a valid port: UNIX ports range from 0 to 65535.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.Practice,
        new[] { "DL3011" });

    /// <summary>COPT2012, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2012HealthcheckOnce.cs.</summary>
    public static readonly DiagnosticDescriptor HealthcheckOnce = new(
        "COPT2012",
        "healthcheck-once",
        "Only one HEALTHCHECK per stage",
        "This stage already has a HEALTHCHECK on line {0} and only the last one takes effect: keep a single HEALTHCHECK.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3012" });

    /// <summary>COPT2013, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2013PipPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor PipPinVersions = new(
        "COPT2013",
        "pip-pin-versions",
        "Pin versions in pip install",
        "Pin the version of {0} in pip install ({1}), or install from a requirements file (pip install -r <file>), so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3013" });

    /// <summary>COPT2014, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2014AptGetAssumeYes.cs.</summary>
    public static readonly DiagnosticDescriptor AptGetAssumeYes = new(
        "COPT2014",
        "apt-get-assume-yes",
        "Use -y with apt-get install",
        "Add -y to apt-get install so it does not stop to ask for confirmation (apt-get install -y <package>).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3014" });

    /// <summary>COPT2015, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2015AptGetNoInstallRecommends.cs.</summary>
    public static readonly DiagnosticDescriptor AptGetNoInstallRecommends = new(
        "COPT2015",
        "apt-get-no-install-recommends",
        "Use --no-install-recommends with apt-get install",
        "Add --no-install-recommends to apt-get install so only the named packages and their dependencies are installed, not recommended extras.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3015" });

    /// <summary>COPT2016, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2016NpmPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor NpmPinVersions = new(
        "COPT2016",
        "npm-pin-versions",
        "Pin versions in npm install",
        "Pin the version of {0} in npm install ({1}) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3016" });

    /// <summary>COPT2018, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2018ApkPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor ApkPinVersions = new(
        "COPT2018",
        "apk-pin-versions",
        "Pin versions in apk add",
        "Pin the version of {0} in apk add (apk add {1}=<version> or {1}~<version>) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3018" });

    /// <summary>COPT2019, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2019ApkNoCache.cs.</summary>
    public static readonly DiagnosticDescriptor ApkNoCache = new(
        "COPT2019",
        "apk-no-cache",
        "Use apk add --no-cache",
        "Use 'apk add --no-cache' so the package index is not stored in the image (no --update and no rm of /var/cache/apk needed), or mount a cache on /var/cache/apk.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3019" });

    /// <summary>COPT2020, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2020CopyInsteadOfAdd.cs.</summary>
    public static readonly DiagnosticDescriptor CopyInsteadOfAdd = new(
        "COPT2020",
        "copy-instead-of-add",
        "Use COPY instead of ADD for files and folders",
        "Use COPY instead of ADD for '{0}': ADD is only needed to fetch a URL or extract a local archive, and its extra behaviour surprises readers.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3020" });

    /// <summary>COPT2021, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2021CopyMultipleSourcesDestSlash.cs.</summary>
    public static readonly DiagnosticDescriptor CopyMultipleSourcesDestSlash = new(
        "COPT2021",
        "copy-multiple-sources-dest-slash",
        "COPY with more than one source needs a destination ending with /",
        "{0} with several sources copies into a directory, and the destination must say so{1}. {2}",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3021" });

    /// <summary>COPT2022, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2022CopyFromUnknownStage.cs.</summary>
    public static readonly DiagnosticDescriptor CopyFromUnknownStage = new(
        "COPT2022",
        "copy-from-unknown-stage",
        "COPY --from should reference a previously defined stage",
        "COPY --from={0} names no earlier stage: define it before this COPY (FROM <image> AS {0}), or name an image with a tag (--from={0}:<tag>).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3022" });

    /// <summary>COPT2023, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2023CopyFromSelf.cs.</summary>
    public static readonly DiagnosticDescriptor CopyFromSelf = new(
        "COPT2023",
        "copy-from-self",
        "COPY --from cannot reference its own stage",
        "COPY --from={0} names the stage it is in, which cannot copy from itself: copy from an earlier stage.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.Practice,
        new[] { "DL3023" });

    /// <summary>COPT2025, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2025JsonCmdEntrypoint.cs.</summary>
    public static readonly DiagnosticDescriptor JsonCmdEntrypoint = new(
        "COPT2025",
        "json-cmd-entrypoint",
        "Use JSON notation for CMD and ENTRYPOINT arguments",
        "{0} in shell form runs under '/bin/sh -c', which does not pass signals such as SIGTERM on to the process: write it in JSON form ({0} [\"executable\", \"arg\"]).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3025" });

    /// <summary>COPT2026, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2026UntrustedRegistry.cs.</summary>
    public static readonly DiagnosticDescriptor UntrustedRegistry = new(
        "COPT2026",
        "untrusted-registry",
        "Use only an allowed registry in the FROM image",
        "Image '{0}' comes from registry '{1}', which is not a trusted registry ({2}): use an image from a trusted registry.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3026" });

    /// <summary>COPT2027, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2027UseAptGetNotApt.cs.</summary>
    public static readonly DiagnosticDescriptor UseAptGetNotApt = new(
        "COPT2027",
        "use-apt-get-not-apt",
        "Use apt-get or apt-cache instead of apt",
        "Use apt-get or apt-cache instead of apt: apt is meant for interactive use and its behaviour may change between releases.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3027" });

    /// <summary>COPT2028, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2028GemPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor GemPinVersions = new(
        "COPT2028",
        "gem-pin-versions",
        "Pin versions in gem install",
        "Pin the version of {0} in gem install (gem install {1}:<version>, or -v <version>) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3028" });

    /// <summary>COPT2029, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2029FromPlatformFlag.cs.</summary>
    public static readonly DiagnosticDescriptor FromPlatformFlag = new(
        "COPT2029",
        "from-platform-flag",
        "Do not use --platform flag with FROM",
        "'{0}' pins the stage to one platform, so builds for other platforms get the wrong base: remove it, or use --platform=$BUILDPLATFORM for a cross-compiling stage.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3029" });

    /// <summary>COPT2030, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2030YumAssumeYes.cs.</summary>
    public static readonly DiagnosticDescriptor YumAssumeYes = new(
        "COPT2030",
        "yum-assume-yes",
        "Use -y with yum install",
        "Add -y to yum {0} so it does not stop to ask for confirmation (yum {0} -y <package>).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3030" });

    /// <summary>COPT2032, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2032YumCleanAll.cs.</summary>
    public static readonly DiagnosticDescriptor YumCleanAll = new(
        "COPT2032",
        "yum-clean-all",
        "Clean the yum cache after yum install",
        "Run 'yum clean all' after 'yum install' in the same RUN, or mount a cache on /var/cache/yum (--mount=type=cache,target=/var/cache/yum), so the yum cache does not stay in the image.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3032" });

    /// <summary>COPT2033, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2033YumPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor YumPinVersions = new(
        "COPT2033",
        "yum-pin-versions",
        "Pin versions in yum install",
        "Pin the version of {0} in yum install ({1}) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3033" });

    /// <summary>COPT2034, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2034ZypperNonInteractive.cs.</summary>
    public static readonly DiagnosticDescriptor ZypperNonInteractive = new(
        "COPT2034",
        "zypper-non-interactive",
        "Use zypper non-interactively",
        "Add -y (or the global -n) to zypper {0} so it does not stop to ask for confirmation (zypper {0} -y <package>).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3034" });

    /// <summary>COPT2035, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2035ZypperNoDistUpgrade.cs.</summary>
    public static readonly DiagnosticDescriptor ZypperNoDistUpgrade = new(
        "COPT2035",
        "zypper-no-dist-upgrade",
        "Do not use zypper dist-upgrade",
        "Do not run zypper {0} in an image build: use a newer base image, or install the pinned packages you need.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3035" });

    /// <summary>COPT2036, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2036ZypperClean.cs.</summary>
    public static readonly DiagnosticDescriptor ZypperClean = new(
        "COPT2036",
        "zypper-clean",
        "Clean the zypper cache after zypper install",
        "Run 'zypper clean' after 'zypper install' in the same RUN, or mount a cache on /var/cache/zypp, so the zypper cache does not stay in the image.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3036" });

    /// <summary>COPT2037, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2037ZypperPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor ZypperPinVersions = new(
        "COPT2037",
        "zypper-pin-versions",
        "Pin versions in zypper install",
        "Pin the version of {0} in zypper install (zypper install -y {1}=<version>) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3037" });

    /// <summary>COPT2038, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2038DnfAssumeYes.cs.</summary>
    public static readonly DiagnosticDescriptor DnfAssumeYes = new(
        "COPT2038",
        "dnf-assume-yes",
        "Use -y with dnf install",
        "Add -y to {0} {1} so it does not stop to ask for confirmation ({0} {1} -y <package>).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3038" });

    /// <summary>COPT2040, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2040DnfCleanAll.cs.</summary>
    public static readonly DiagnosticDescriptor DnfCleanAll = new(
        "COPT2040",
        "dnf-clean-all",
        "Clean the dnf cache after dnf install",
        "Run '{0} clean all' after '{0} install' in the same RUN, or mount a cache on /var/cache/dnf (/var/cache/libdnf5 for dnf5), so the package cache does not stay in the image.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3040" });

    /// <summary>COPT2041, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2041DnfPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor DnfPinVersions = new(
        "COPT2041",
        "dnf-pin-versions",
        "Pin versions in dnf install",
        "Pin the version of {0} in {1} install ({2}) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3041" });

    /// <summary>COPT2042, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2042PipNoCacheDir.cs.</summary>
    public static readonly DiagnosticDescriptor PipNoCacheDir = new(
        "COPT2042",
        "pip-no-cache-dir",
        "Use pip install --no-cache-dir",
        "Use 'pip install --no-cache-dir' (or ENV PIP_NO_CACHE_DIR=1, or a cache mount on /root/.cache/pip) so pip's download cache does not stay in the image.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3042" });

    /// <summary>COPT2043, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2043OnbuildForbiddenTrigger.cs.</summary>
    public static readonly DiagnosticDescriptor OnbuildForbiddenTrigger = new(
        "COPT2043",
        "onbuild-forbidden-trigger",
        "ONBUILD, FROM or MAINTAINER triggered from within ONBUILD",
        "{0} is not allowed as an ONBUILD trigger: remove it from the ONBUILD instruction.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.Practice,
        new[] { "DL3043" });

    /// <summary>COPT2044, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2044EnvSelfReference.cs.</summary>
    public static readonly DiagnosticDescriptor EnvSelfReference = new(
        "COPT2044",
        "env-self-reference",
        "Do not refer to a variable within the ENV that defines it",
        "'{0}' refers to {1}, which this same ENV sets, but it still expands to the value from before this ENV: set {1} in an earlier ENV.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3044" });

    /// <summary>COPT2045, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2045CopyRelativeDestWithoutWorkdir.cs.</summary>
    public static readonly DiagnosticDescriptor CopyRelativeDestWithoutWorkdir = new(
        "COPT2045",
        "copy-relative-dest-without-workdir",
        "COPY to a relative destination without WORKDIR set",
        "{0} to the relative path '{1}' lands wherever the base image's WORKDIR points: set WORKDIR earlier in the stage, or use an absolute destination.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3045" });

    /// <summary>COPT2046, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2046UseraddLongUid.cs.</summary>
    public static readonly DiagnosticDescriptor UseraddLongUid = new(
        "COPT2046",
        "useradd-long-uid",
        "Use useradd -l with a high UID",
        "Add -l (--no-log-init) to useradd: UID {0} without it writes a huge sparse /var/log/lastlog into the image.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3046" });

    /// <summary>COPT2047, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2047WgetProgress.cs.</summary>
    public static readonly DiagnosticDescriptor WgetProgress = new(
        "COPT2047",
        "wget-progress",
        "Use wget with --progress or a quiet option",
        "Add --progress=dot:giga (or -q / -nv) to wget so its progress bar does not flood the build log.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3047" });

    /// <summary>COPT2048, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2048LabelKeyInvalid.cs.</summary>
    public static readonly DiagnosticDescriptor LabelKeyInvalid = new(
        "COPT2048",
        "label-key-invalid",
        "Label keys should follow Docker's key format",
        "Label key '{0}' is invalid: {1}. Use lower-case reverse-DNS keys of letters, digits, '.' and '-' (e.g. org.opencontainers.image.version).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3048" });

    /// <summary>COPT2049, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2049LabelMissing.cs.</summary>
    public static readonly DiagnosticDescriptor LabelMissing = new(
        "COPT2049",
        "label-missing",
        "Required label is missing",
        "Add the label '{0}' to this stage (LABEL {0}=<value>): the label schema requires it.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3049" });

    /// <summary>COPT2050, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2050LabelSuperfluous.cs.</summary>
    public static readonly DiagnosticDescriptor LabelSuperfluous = new(
        "COPT2050",
        "label-superfluous",
        "Label not in the label schema",
        "{0} not in the label schema: remove {1} or add {1} to the schema (strict labels are on).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3050" });

    /// <summary>COPT2051, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2051LabelEmpty.cs.</summary>
    public static readonly DiagnosticDescriptor LabelEmpty = new(
        "COPT2051",
        "label-empty",
        "Required label is empty",
        "Label '{0}' is empty: give it a value (the label schema requires it).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3051" });

    /// <summary>COPT2052, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2052LabelNotUrl.cs.</summary>
    public static readonly DiagnosticDescriptor LabelNotUrl = new(
        "COPT2052",
        "label-not-url",
        "Label should be a URL",
        "Label '{0}' must be an absolute URL (RFC 3986, e.g. https://example.com/project): '{1}' is not.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3052" });

    /// <summary>COPT2053, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2053LabelNotRfc3339.cs.</summary>
    public static readonly DiagnosticDescriptor LabelNotRfc3339 = new(
        "COPT2053",
        "label-not-rfc3339",
        "Label should be an RFC 3339 date-time",
        "Label '{0}' must be an RFC 3339 date-time (e.g. 2024-05-01T12:30:00Z): '{1}' is not.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3053" });

    /// <summary>COPT2054, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2054LabelNotSpdx.cs.</summary>
    public static readonly DiagnosticDescriptor LabelNotSpdx = new(
        "COPT2054",
        "label-not-spdx",
        "Label should be an SPDX license",
        "Label '{0}' must be an SPDX license identifier or expression (e.g. MIT, Apache-2.0 OR MIT): '{1}' is not.{2}",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3054" });

    /// <summary>COPT2055, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2055LabelNotGitHash.cs.</summary>
    public static readonly DiagnosticDescriptor LabelNotGitHash = new(
        "COPT2055",
        "label-not-git-hash",
        "Label should be a git commit hash",
        "Label '{0}' must be a git commit hash (7 or 40 lower-case hex digits, e.g. git rev-parse HEAD): '{1}' is not.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3055" });

    /// <summary>COPT2056, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2056LabelNotSemver.cs.</summary>
    public static readonly DiagnosticDescriptor LabelNotSemver = new(
        "COPT2056",
        "label-not-semver",
        "Label should be a semantic version",
        "Label '{0}' must be a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.2 or 2.0.0-rc.1): '{1}' is not.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3056" });

    /// <summary>COPT2057, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2057HealthcheckMissing.cs.</summary>
    public static readonly DiagnosticDescriptor HealthcheckMissing = new(
        "COPT2057",
        "healthcheck-missing",
        "HEALTHCHECK instruction missing",
        "Stage '{0}' has no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one: add HEALTHCHECK CMD <probe> (or HEALTHCHECK NONE to say there is none).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3057" },
        enabledByDefault: false);

    /// <summary>COPT2058, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2058LabelNotEmail.cs.</summary>
    public static readonly DiagnosticDescriptor LabelNotEmail = new(
        "COPT2058",
        "label-not-email",
        "Label should be an email address",
        "Label '{0}' must be an email address (RFC 5322, e.g. team@example.com): '{1}' is not.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3058" });

    /// <summary>COPT2059, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2059ConsecutiveRun.cs.</summary>
    public static readonly DiagnosticDescriptor ConsecutiveRun = new(
        "COPT2059",
        "consecutive-run",
        "Merge consecutive RUN instructions",
        "Merge this RUN into the RUN before it ('&&'): consecutive single-command RUNs make a layer each.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3059" });

    /// <summary>COPT2060, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2060YarnCacheClean.cs.</summary>
    public static readonly DiagnosticDescriptor YarnCacheClean = new(
        "COPT2060",
        "yarn-cache-clean",
        "Clean the yarn cache after yarn install",
        "Run 'yarn cache clean' after 'yarn install' in the same RUN, or mount a cache on the yarn cache folder (--mount=type=cache,target=/usr/local/share/.cache/yarn), so the cache does not stay in the image.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3060" });

    /// <summary>COPT2062, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2062GoInstallPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor GoInstallPinVersions = new(
        "COPT2062",
        "go-install-pin-versions",
        "Pin versions in go install",
        "Pin the version of {0} in go {1} (go {1} {2}@<version>; @latest and @none are not versions) so rebuilds build the same code.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3062" });

    /// <summary>COPT2063, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2063UserMissing.cs.</summary>
    public static readonly DiagnosticDescriptor UserMissing = new(
        "COPT2063",
        "user-missing",
        "A USER instruction should be specified",
        "The final stage '{0}' never sets USER, so the image's processes run as root: add USER with a non-root user (USER 1000:1000, or a user the image creates) after the steps that need root.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3063" },
        enabledByDefault: false);

    /// <summary>COPT2064, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2064SecretsInArgEnv.cs.</summary>
    public static readonly DiagnosticDescriptor SecretsInArgEnv = new(
        "COPT2064",
        "secrets-in-arg-env",
        "Potentially sensitive data should not be used in ARG or ENV",
        "'{0}' looks like a secret, and {1} values stay readable in the image history and config: pass it with RUN --mount=type=secret,id={0} instead.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3064" });

    /// <summary>COPT2066, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2066UserNonNumeric.cs.</summary>
    public static readonly DiagnosticDescriptor UserNonNumeric = new(
        "COPT2066",
        "user-non-numeric",
        "Use a numeric user ID",
        "USER '{0}' is a name, which the host and Kubernetes (runAsNonRoot) cannot resolve: use the numeric UID (USER 1000 or USER 1000:1000).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3066" });

    /// <summary>COPT2067, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2067CopyFromRoot.cs.</summary>
    public static readonly DiagnosticDescriptor CopyFromRoot = new(
        "COPT2067",
        "copy-from-root",
        "Do not copy an entire filesystem from another stage",
        "COPY --from={0} / / copies the whole filesystem of '{0}', including its package manager and caches: copy only the directories the image needs.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3067" });

    /// <summary>COPT2068, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2068PeclPinVersions.cs.</summary>
    public static readonly DiagnosticDescriptor PeclPinVersions = new(
        "COPT2068",
        "pecl-pin-versions",
        "Pin versions in pecl install",
        "Pin the version of {0} in pecl install (pecl install <name>-<version>, e.g. redis-6.1.0; a state such as -stable or -beta is not a version) so rebuilds install the same versions.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL3068" });

    /// <summary>COPT2069, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2069CargoCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor CargoCacheMount = new(
        "COPT2069",
        "cargo-cache-mount",
        "Use BuildKit cache mounts for cargo",
        "'{0}' downloads crates into cargo's registry and git folders on every build: mount them as caches (RUN --mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git; /usr/local/cargo on the official rust images) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3069" });

    /// <summary>COPT2070, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2070GoCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor GoCacheMount = new(
        "COPT2070",
        "go-cache-mount",
        "Use BuildKit cache mounts for Go",
        "'{0}' fills Go's build and module caches on every build: mount them as caches (RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod) so builds reuse compiled packages and downloaded modules.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3070" });

    /// <summary>COPT2071, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2071MavenCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor MavenCacheMount = new(
        "COPT2071",
        "maven-cache-mount",
        "Use a BuildKit cache mount for Maven",
        "'{0}' downloads dependencies into the local Maven repository on every build: mount it as a cache (RUN --mount=type=cache,target=/root/.m2) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3071" });

    /// <summary>COPT2072, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2072GradleCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor GradleCacheMount = new(
        "COPT2072",
        "gradle-cache-mount",
        "Use a BuildKit cache mount for Gradle",
        "'{0}' downloads dependencies into the Gradle user home on every build: mount it as a cache (RUN --mount=type=cache,target=/root/.gradle; /home/gradle/.gradle on the official gradle images) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3072" });

    /// <summary>COPT2073, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2073ComposerCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor ComposerCacheMount = new(
        "COPT2073",
        "composer-cache-mount",
        "Use a BuildKit cache mount for Composer",
        "'{0}' downloads packages into Composer's cache on every build: mount it as a cache (RUN --mount=type=cache,target=/root/.composer/cache) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3073" });

    /// <summary>COPT2074, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2074NuGetCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor NuGetCacheMount = new(
        "COPT2074",
        "nuget-cache-mount",
        "Use a BuildKit cache mount for NuGet",
        "'{0}' downloads packages into the NuGet packages folder on every build: mount it as a cache (RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3074" });

    /// <summary>COPT2075, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2075PnpmCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor PnpmCacheMount = new(
        "COPT2075",
        "pnpm-cache-mount",
        "Use a BuildKit cache mount for pnpm",
        "'{0}' downloads packages into the pnpm store on every build: mount it as a cache (RUN --mount=type=cache,target=/root/.local/share/pnpm/store) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3075" });

    /// <summary>COPT2076, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2076MixCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor MixCacheMount = new(
        "COPT2076",
        "mix-cache-mount",
        "Use BuildKit cache mounts for Mix",
        "'{0}' downloads packages into the Hex and Mix folders on every build: mount them as caches (RUN --mount=type=cache,target=/root/.hex --mount=type=cache,target=/root/.mix) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3076" });

    /// <summary>COPT2077, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2077GemCacheMount.cs.</summary>
    public static readonly DiagnosticDescriptor GemCacheMount = new(
        "COPT2077",
        "gem-cache-mount",
        "Use a BuildKit cache mount for gem and bundler",
        "'{0}' downloads gems on every build: mount gem's download cache as a cache (RUN --mount=type=cache,target=/usr/local/bundle/cache on the official ruby images, else $GEM_HOME/cache or /root/.gem) so builds reuse them.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL3077" });

    /// <summary>COPT2101, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2101WgetAndCurl.cs.</summary>
    public static readonly DiagnosticDescriptor WgetAndCurl = new(
        "COPT2101",
        "wget-and-curl",
        "Use either wget or curl, not both",
        "Use either curl or wget in a stage, not both: this stage already uses '{1}', so use it here instead of '{0}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL4001" });

    /// <summary>COPT2103, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2103SingleCmd.cs.</summary>
    public static readonly DiagnosticDescriptor SingleCmd = new(
        "COPT2103",
        "single-cmd",
        "Only one CMD per stage",
        "This stage already has a CMD on line {0} and only the last CMD takes effect: keep a single CMD.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL4003" });

    /// <summary>COPT2104, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2104SingleEntrypoint.cs.</summary>
    public static readonly DiagnosticDescriptor SingleEntrypoint = new(
        "COPT2104",
        "single-entrypoint",
        "Only one ENTRYPOINT per stage",
        "This stage already has an ENTRYPOINT on line {0} and only the last ENTRYPOINT takes effect: keep a single ENTRYPOINT.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL4004" });

    /// <summary>COPT2105, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2105NoLnBinSh.cs.</summary>
    public static readonly DiagnosticDescriptor NoLnBinSh = new(
        "COPT2105",
        "no-ln-bin-sh",
        "Use SHELL to change the default shell",
        "Use the SHELL instruction (SHELL [\"/bin/bash\", \"-c\"]) to change the shell instead of replacing /bin/sh with ln.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL4005" });

    /// <summary>COPT2106, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2106Pipefail.cs.</summary>
    public static readonly DiagnosticDescriptor Pipefail = new(
        "COPT2106",
        "pipefail",
        "Set pipefail before RUN with a pipe",
        "Set pipefail before this pipe (SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"], or 'set -o pipefail &&' in a shell that has it, such as ash on Alpine): without it only the last command of the pipeline can fail the build.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL4006" });

    /// <summary>COPT2107, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2107CopyWholeContext.cs.</summary>
    public static readonly DiagnosticDescriptor CopyWholeContext = new(
        "COPT2107",
        "copy-whole-context",
        "COPY with '.' as source can leak sensitive files",
        "COPY '{0}' copies the whole build context, so .git, .env and other local files reach the image unless .dockerignore excludes them: copy only what the image needs (COPY src/ ./src/).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice,
        new[] { "DL4007" });

    /// <summary>COPT2190, checked by src/ContainerOpt.Analysis/Rules/Practice/COPT2190InlineIgnorePragma.cs.</summary>
    public static readonly DiagnosticDescriptor InlineIgnorePragma = new(
        "COPT2190",
        "inline-ignore-pragma",
        "Avoid inline ignore pragmas",
        "Inline pragma '# {0}' hides findings one instruction at a time: fix the finding, or switch the rule off in the configuration (.hadolint.yaml or the project's settings).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.Practice,
        new[] { "DL1001" },
        enabledByDefault: false);
}
