namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- COPT11xx: BuildKit's build checks, by name.

    /// <summary>COPT1100, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1100StageNameCasing.cs.</summary>
    public static readonly DiagnosticDescriptor StageNameCasing = new(
        "COPT1100",
        "stage-name-casing",
        "Stage names should be lowercase",
        "Stage name '{0}' should be lowercase: name it '{1}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "StageNameCasing" });

    /// <summary>COPT1101, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1101FromAsCasing.cs.</summary>
    public static readonly DiagnosticDescriptor FromAsCasing = new(
        "COPT1101",
        "from-as-casing",
        "The 'as' keyword should match the case of the 'from' keyword",
        "'{0}' and '{1}' keywords' casing do not match: write '{2}' to match '{1}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "FromAsCasing" });

    /// <summary>COPT1102, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1102NoEmptyContinuation.cs.</summary>
    public static readonly DiagnosticDescriptor NoEmptyContinuation = new(
        "COPT1102",
        "no-empty-continuation",
        "Empty continuation lines will become errors in a future release",
        "Empty continuation line: delete the empty {0} inside this instruction (or end the instruction before it).",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "NoEmptyContinuation" });

    /// <summary>COPT1103, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1103ConsistentInstructionCasing.cs.</summary>
    public static readonly DiagnosticDescriptor ConsistentInstructionCasing = new(
        "COPT1103",
        "consistent-instruction-casing",
        "All commands within the Dockerfile should use the same casing (either upper or lower)",
        "Command '{0}' should match the case of the command majority ({1}): write '{2}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "ConsistentInstructionCasing" });

    /// <summary>COPT1104, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1104DuplicateStageName.cs.</summary>
    public static readonly DiagnosticDescriptor DuplicateStageName = new(
        "COPT1104",
        "duplicate-stage-name",
        "Stage names should be unique",
        "Duplicate stage name \"{0}\", stage names should be unique: rename this stage or the one on line {1}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "DuplicateStageName", "DL3024" });

    /// <summary>COPT1105, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1105ReservedStageName.cs.</summary>
    public static readonly DiagnosticDescriptor ReservedStageName = new(
        "COPT1105",
        "reserved-stage-name",
        "Reserved words should not be used as stage names",
        "Stage name should not use the same name as reserved stage \"{0}\": choose another name, such as '{0}-stage'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "ReservedStageName" });

    /// <summary>COPT1106, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1106JsonArgsRecommended.cs.</summary>
    public static readonly DiagnosticDescriptor JsonArgsRecommended = new(
        "COPT1106",
        "json-args-recommended",
        "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
        "JSON arguments recommended for {0} to prevent unintended behavior related to OS signals: write {1}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "JSONArgsRecommended" });

    /// <summary>COPT1200, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1200ExecFormNotJson.cs.</summary>
    public static readonly DiagnosticDescriptor ExecFormNotJson = new(
        "COPT1200",
        "exec-form-not-json",
        "CMD or ENTRYPOINT looks like exec form but is not JSON",
        "This {0} looks like exec form but is not valid JSON ({1}), so Docker runs it with the shell, which finds no program named '{2}' and the container exits at start. Write {3}.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.Correctness);

    /// <summary>COPT1201, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1201ExecFormVariable.cs.</summary>
    public static readonly DiagnosticDescriptor ExecFormVariable = new(
        "COPT1201",
        "exec-form-variable",
        "A variable in exec form is never expanded",
        "'{0}' in exec-form {1} is passed as written: exec form runs no shell, so the program gets the text '{0}', not its value. {2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness);

    /// <summary>COPT1202, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1202ShellStateLost.cs.</summary>
    public static readonly DiagnosticDescriptor ShellStateLost = new(
        "COPT1202",
        "shell-state-lost",
        "A RUN ends with a command whose effect ends with it",
        "'{0}' only changes the shell of this RUN, and the RUN ends right after it, so it has no effect on later instructions{1}. {2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness);

    /// <summary>COPT1203, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1203ContinuationIntoInstruction.cs.</summary>
    public static readonly DiagnosticDescriptor ContinuationIntoInstruction = new(
        "COPT1203",
        "continuation-into-instruction",
        "A line continuation swallows the next instruction",
        "The '{0}' at the end of line {1} continues this {2} onto line {3}, which starts with '{4}': Docker reads both lines as one {2}. {5}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness);

    /// <summary>COPT1204, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1204CopySourceMissing.cs.</summary>
    public static readonly DiagnosticDescriptor CopySourceMissing = new(
        "COPT1204",
        "copy-source-missing",
        "A COPY source is not in the build context",
        "{0} {1} in the build context '{2}'{3}: {4}. {5}.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.Correctness);

    /// <summary>COPT1107, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1107MaintainerDeprecated.cs.</summary>
    public static readonly DiagnosticDescriptor MaintainerDeprecated = new(
        "COPT1107",
        "maintainer-deprecated",
        "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
        "Maintainer instruction is deprecated in favor of using label: write LABEL org.opencontainers.image.authors=\"{0}\" instead.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "MaintainerDeprecated", "DL4000" });

    /// <summary>COPT1108, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1108UndefinedArgInFrom.cs.</summary>
    public static readonly DiagnosticDescriptor UndefinedArgInFrom = new(
        "COPT1108",
        "undefined-arg-in-from",
        "FROM command must use declared ARGs",
        "{0}: declare it with 'ARG {1}' before the first FROM{2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "UndefinedArgInFrom" });

    /// <summary>COPT1109, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1109WorkdirRelativePath.cs.</summary>
    public static readonly DiagnosticDescriptor WorkdirRelativePath = new(
        "COPT1109",
        "workdir-relative-path",
        "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
        "Relative workdir \"{0}\" can have unexpected results if the base image changes: use an absolute path such as '{1}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "WorkdirRelativePath" });

    /// <summary>COPT1110, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1110UndefinedVar.cs.</summary>
    public static readonly DiagnosticDescriptor UndefinedVar = new(
        "COPT1110",
        "undefined-var",
        "Variables should be defined before their use",
        "{0}: {1}define it with ARG or ENV before this instruction{2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "UndefinedVar" });

    /// <summary>COPT1111, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1111MultipleInstructionsDisallowed.cs.</summary>
    public static readonly DiagnosticDescriptor MultipleInstructionsDisallowed = new(
        "COPT1111",
        "multiple-instructions-disallowed",
        "Multiple instructions of the same type should not be used in the same stage",
        "Multiple {0} instructions should not be used in the same stage because only the last one will be used: remove this one or merge it into the {0} on line {1}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "MultipleInstructionsDisallowed" });

    /// <summary>COPT1112, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1112LegacyKeyValueFormat.cs.</summary>
    public static readonly DiagnosticDescriptor LegacyKeyValueFormat = new(
        "COPT1112",
        "legacy-key-value-format",
        "Legacy key/value format with whitespace separator should not be used",
        "\"{0} key=value\" should be used instead of legacy \"{0} key value\" format: write '{0} {1}={2}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "LegacyKeyValueFormat" });

    /// <summary>COPT1113, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1113RedundantTargetPlatform.cs.</summary>
    public static readonly DiagnosticDescriptor RedundantTargetPlatform = new(
        "COPT1113",
        "redundant-target-platform",
        "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
        "Setting platform to predefined {0} in FROM is redundant as this is the default behavior: remove '--platform={0}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "RedundantTargetPlatform", "DL3065" });

    /// <summary>COPT1114, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1114SecretsUsedInArgOrEnv.cs.</summary>
    public static readonly DiagnosticDescriptor SecretsUsedInArgOrEnv = new(
        "COPT1114",
        "secrets-used-in-arg-or-env",
        "Sensitive data should not be used in the ARG or ENV commands",
        "Do not use ARG or ENV instructions for sensitive data ({0} \"{1}\"): {2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "SecretsUsedInArgOrEnv" });

    /// <summary>COPT1115, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1115InvalidDefaultArgInFrom.cs.</summary>
    public static readonly DiagnosticDescriptor InvalidDefaultArgInFrom = new(
        "COPT1115",
        "invalid-default-arg-in-from",
        "Default value for global ARG results in an empty or invalid base image name",
        "Default value for ARG {0} results in empty or invalid base image name: give the ARG a default that makes a valid image reference (without build arguments it expands to '{1}').",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "InvalidDefaultArgInFrom" });

    /// <summary>COPT1116, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1116FromPlatformFlagConstDisallowed.cs.</summary>
    public static readonly DiagnosticDescriptor FromPlatformFlagConstDisallowed = new(
        "COPT1116",
        "from-platform-flag-const-disallowed",
        "FROM --platform flag should not use a constant value",
        "FROM --platform flag {0} constant value \"{1}\": {2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "FromPlatformFlagConstDisallowed" });

    /// <summary>COPT1117, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1117CopyIgnoredFile.cs.</summary>
    public static readonly DiagnosticDescriptor CopyIgnoredFile = new(
        "COPT1117",
        "copy-ignored-file",
        "Attempting to Copy file that is excluded by .dockerignore",
        "Attempting to {0} file \"{1}\" that is excluded by .dockerignore: remove the pattern that excludes it from {3}, or do not {2} it.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "CopyIgnoredFile" });

    /// <summary>COPT1118, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1118ExposeProtoCasing.cs.</summary>
    public static readonly DiagnosticDescriptor ExposeProtoCasing = new(
        "COPT1118",
        "expose-proto-casing",
        "Protocol in EXPOSE instruction should be lowercase",
        "Defined protocol '{0}' in EXPOSE instruction should be lowercase: write '{1}'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "ExposeProtoCasing" });

    /// <summary>COPT1119, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1119ExposeInvalidFormat.cs.</summary>
    public static readonly DiagnosticDescriptor ExposeInvalidFormat = new(
        "COPT1119",
        "expose-invalid-format",
        "IP address and host-port mapping should not be used in EXPOSE instruction",
        "EXPOSE instruction should not define an IP address or host-port mapping, found '{0}': write only the container port '{1}' and publish it with 'docker run -p'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "ExposeInvalidFormat" });

    /// <summary>COPT1120, checked by src/ContainerOpt.Analysis/Rules/Correctness/COPT1120InvalidDefinitionDescription.cs.</summary>
    public static readonly DiagnosticDescriptor InvalidDefinitionDescription = new(
        "COPT1120",
        "invalid-definition-description",
        "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`",
        "Comment for {0} should follow the format: `# {1} <description>`: start the comment with {2}, or put an empty line between the comment and the {0}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Correctness,
        new[] { "InvalidDefinitionDescription" },
        enabledByDefault: false);
}
