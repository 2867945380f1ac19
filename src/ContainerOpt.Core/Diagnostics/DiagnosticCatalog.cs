namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// Every diagnostic ContainerOpt reports — tool problems, parser errors, rules, image checks and gates —
/// in one place: code, names, title, message format, default severity, category, help page and the
/// peers' equivalents. The checks live elsewhere (a rule's file names its descriptor here);
/// <c>containeropt rules</c>, docs/rules and the README's count are tested against this list.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> LazyAll = new(() =>
        Declared().OrderBy(d => d.Id, StringComparer.Ordinal).ToArray());

    /// <summary>
    /// Every descriptor field of the catalogue, by name: read by reflection, they cost the native build ~8 M instructions
    /// (a field accessor made per field) on a run's first lookup by code or name. DiagnosticCatalogTests checks the list
    /// against the fields.
    /// </summary>
    private static DiagnosticDescriptor[] Declared() => new[]
    {
        // DiagnosticCatalog.Correctness.cs
        StageNameCasing, FromAsCasing, NoEmptyContinuation, ConsistentInstructionCasing, DuplicateStageName, ReservedStageName,
        JsonArgsRecommended, ExecFormNotJson, ExecFormVariable, ShellStateLost, ContinuationIntoInstruction, CopySourceMissing,
        MaintainerDeprecated, UndefinedArgInFrom, WorkdirRelativePath, UndefinedVar, MultipleInstructionsDisallowed, LegacyKeyValueFormat,
        RedundantTargetPlatform, SecretsUsedInArgOrEnv, InvalidDefaultArgInFrom, FromPlatformFlagConstDisallowed, CopyIgnoredFile,
        ExposeProtoCasing, ExposeInvalidFormat, InvalidDefinitionDescription,
        // DiagnosticCatalog.DotNet.cs
        DotNetVersionMismatch, WrongDotNetImageKind, SdkInFinalStage, DotNetEndOfLife, CopySourceBeforeRestore, RestoreInputsMissing,
        PublishWithoutRelease, BuildThenPublish, PublishWithoutNoRestore, NuGetCacheMountWithoutId, EntrypointWrongAssembly,
        ExposePortMismatch, NonRootUserMissing, InvariantGlobalizationWithoutIcu, CrossBuildPlatform, ContainerBaseImageDiffers,
        GlobalJsonSdkMismatch, PublishWithoutFramework, RestoreInputsOutsideContext,
        // DiagnosticCatalog.Image.cs
        InvalidBaseImagePlatform, ImageTooLarge, TooMuchWaste, LowEfficiency, TooMuchUserWaste, SecretInLayer, SecretInBaseImage,
        SecretInImage, GeneratedKeyInLayer,
        // DiagnosticCatalog.Practice.cs
        WorkdirAbsolutePath, PointlessCommand, LastUserRoot, UseWorkdirNotCd, NoSudo, ImageTagMissing, ImageTagLatest, AptGetPinVersions,
        AptListsNotRemoved, AddLocalArchive, ExposePortRange, HealthcheckOnce, PipPinVersions, AptGetAssumeYes, AptGetNoInstallRecommends,
        NpmPinVersions, ApkPinVersions, ApkNoCache, CopyInsteadOfAdd, CopyMultipleSourcesDestSlash, CopyFromUnknownStage, CopyFromSelf,
        JsonCmdEntrypoint, UntrustedRegistry, UseAptGetNotApt, GemPinVersions, FromPlatformFlag, YumAssumeYes, YumCleanAll, YumPinVersions,
        ZypperNonInteractive, ZypperNoDistUpgrade, ZypperClean, ZypperPinVersions, DnfAssumeYes, DnfCleanAll, DnfPinVersions, PipNoCacheDir,
        OnbuildForbiddenTrigger, EnvSelfReference, CopyRelativeDestWithoutWorkdir, UseraddLongUid, WgetProgress, LabelKeyInvalid,
        LabelMissing, LabelSuperfluous, LabelEmpty, LabelNotUrl, LabelNotRfc3339, LabelNotSpdx, LabelNotGitHash, LabelNotSemver,
        HealthcheckMissing, LabelNotEmail, ConsecutiveRun, YarnCacheClean, GoInstallPinVersions, UserMissing, SecretsInArgEnv,
        UserNonNumeric, CopyFromRoot, PeclPinVersions, CargoCacheMount, GoCacheMount, MavenCacheMount, GradleCacheMount, ComposerCacheMount,
        NuGetCacheMount, PnpmCacheMount, MixCacheMount, GemCacheMount, WgetAndCurl, SingleCmd, SingleEntrypoint, NoLnBinSh, Pipefail,
        CopyWholeContext, InlineIgnorePragma,
        // DiagnosticCatalog.Registry.cs
        RegistryUnreachable, RegistryAccessDenied, RegistryImageNotFound, RegistryDigestMismatch, RegistryNotHttps, CredentialHelperFailed,
        RegistryUnsupportedMediaType, RegistryFailed, DockerConfigInvalid,
        // DiagnosticCatalog.ShellCheck.cs
        ShellCheck, ShellCheckFailed,
        // DiagnosticCatalog.SizeAndCache.cs
        CleanupInLaterLayer, IneffectiveCleanup, AddedThenDeleted, PackageCacheLeft, AptUpdateAlone, ConsecutiveRunSameKind,
        CopyBeforeDependencyInstall, BuildToolsInFinalImage, SlimVariantAvailable, AddRemoteWithoutChecksum, DockerignoreMissing,
        DockerignoreIncomplete,
        // DiagnosticCatalog.Syntax.cs
        SyntaxError, UnknownInstruction, UnterminatedHeredoc, InvalidFlag, MissingFrom, InstructionBeforeFrom, EmptyFile, InvalidDirective,
        MissingArguments, InvalidHeredoc,
        // DiagnosticCatalog.Tool.cs
        FileNotFound, FileUnreadable, BinaryFile, FileTooLarge, InvalidConfiguration, InvalidDiveCi, InvalidAnalyzerConfig, ProjectNotFound,
        FileUnwritable, FileExists, GeneratedDiffers, NotAnApp, InternalError, BuilderNotFound, DaemonUnavailable, BuilderTimeout,
        ImageBuildFailed, ImageUnreadable, FixSkippedParseErrors, FixNotWritten,
    };

    private static readonly Lazy<Dictionary<string, DiagnosticDescriptor>> LazyByCode = new(() =>
        All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every descriptor, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => LazyAll.Value;

    /// <summary>The descriptor with this code, or null.</summary>
    public static DiagnosticDescriptor? ForCode(string code) => LazyByCode.Value.TryGetValue(code, out var d) ? d : null;

    /// <summary>The descriptor of a parser error code (COPT10xx); <see cref="SyntaxError"/> for a code the catalogue lacks.</summary>
    public static DiagnosticDescriptor ForParserCode(string code) =>
        ForCode(code) is { Category: DiagnosticCategories.Syntax } d ? d : SyntaxError;

    /// <summary>The first descriptor a key names: its code, short name or an equivalent (case-insensitive).</summary>
    public static DiagnosticDescriptor? Find(string key) => LazyByAnyName.Value.TryGetValue(key, out var d) ? d : null;

    /// <summary>
    /// Every name a key may give (codes first, so a code always means its own descriptor; then each descriptor's short name
    /// and equivalents in catalogue order, the first descriptor naming it kept): what a configuration file's rule keys are
    /// looked up in, once per key instead of a scan of the catalogue.
    /// </summary>
    private static readonly Lazy<Dictionary<string, DiagnosticDescriptor>> LazyByAnyName = new(() =>
    {
        var names = new Dictionary<string, DiagnosticDescriptor>(LazyByCode.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in All)
        {
            foreach (var name in descriptor.Equivalents.Prepend(descriptor.Name))
            {
                if (!names.ContainsKey(name))
                {
                    names[name] = descriptor;
                }
            }
        }
        return names;
    });
}
