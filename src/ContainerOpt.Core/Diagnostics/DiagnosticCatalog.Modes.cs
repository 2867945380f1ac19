namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// The analysis modes' table: which rules warn in which mode, and hadolint's default rule set and
/// severities. README's mode table and every help page's "Modes" line are tested against it.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <summary>Certain failures: the build fails or the container cannot start (each shown on the real engine or cited on its help page).</summary>
    private static readonly string[] MinimumTier =
    {
        "COPT1200", // exec form that is not JSON: the shell finds no program '["x",' and the container exits 127 (errors only)
        "COPT1204", // a COPY source the (stated) build context does not hold: both builders fail (errors only; assumed contexts warn)
        "COPT2011", // EXPOSE port out of range: the builder rejects it
        "COPT2021", // several sources to a destination without '/': the classic builder rejects it (an error for Windows containers, a warning elsewhere)
        "COPT2023", // COPY --from its own stage: the builder rejects it
        "COPT2043", // ONBUILD ONBUILD / FROM / MAINTAINER: the builder rejects it
        "COPT4001", // the image's .NET cannot build or run the project's framework (errors only; wrong-but-working versions warn)
        "COPT4002", // ASP.NET Core app on an image without ASP.NET Core (errors only)
        "COPT4011", // ENTRYPOINT starts a dll the project does not produce
        "COPT4017", // global.json refuses the SDK image: every dotnet command fails
        "COPT4018", // publish of a multi-targeted project without -f: NETSDK1129
        "COPT3101", "COPT3102", "COPT3103", "COPT3104", // the image gates: they run only when the project (or its .dive-ci) sets a limit, which the image then breaks
        "COPT3110", // a credential file (confirmed by its content) that this Dockerfile put in a layer
    };

    /// <summary>
    /// Worth a warning in every build: BuildKit's own checks, size and cache problems that cost real bytes or
    /// cache reuse, package installs that stop at a prompt, bugs in variables and users, checks the user
    /// configured (registries, label schema), and .NET project mistakes.
    /// </summary>
    private static readonly string[] RecommendedTier =
    {
        // BuildKit's build checks (docker build --check reports them), but for the three about style alone — `as` cased
        // unlike FROM (COPT1101), MAINTAINER (COPT1107), `ENV key value` (COPT1112) — which are suggestions here, as
        // pinning and style are: of 250 findings hand-labelled on real Dockerfiles, 57 were theirs, and none was worth
        // acting on (none changes what the image is or does).
        "COPT1100", "COPT1102", "COPT1103", "COPT1104", "COPT1105", "COPT1106", "COPT1108", "COPT1109",
        "COPT1110", "COPT1111", "COPT1113", "COPT1114", "COPT1115", "COPT1116", "COPT1117", "COPT1118", "COPT1119",
        "COPT1120", "COPT1121",
        // Commands that do not do what they say: a variable exec form never expands, a shell change that ends with its RUN.
        "COPT1201", "COPT1202", "COPT1203",
        // An install that asks for confirmation aborts the build.
        "COPT2014", "COPT2030", "COPT2034", "COPT2038",
        // (hadolint's cache rules, COPT2009/2019/2032/2036/2040/2042/2060, are suggestions here: they also fire in build
        // stages, whose caches never reach the image; COPT3004 reports the caches that ship.)
        // Bugs: a variable read before it is set; a huge sparse lastlog.
        "COPT2044", "COPT2046",
        // Configured by the user: trusted registries, the label schema.
        "COPT2026", "COPT2049", "COPT2050", "COPT2051", "COPT2052", "COPT2053", "COPT2054", "COPT2055", "COPT2056", "COPT2058",
        // Credential files in the image that this Dockerfile did not add (the base image's) or that no line is known for,
        // and machine keys packages generate on install (snakeoil, SSH host keys).
        "COPT3111", "COPT3112", "COPT3113",
        // Size and cache: bytes shipped or cache reuse lost.
        "COPT3001", "COPT3003", "COPT3004", "COPT3005", "COPT3007", "COPT3008", "COPT3011", "COPT3012",
        // .NET project mistakes. (COPT4008, publish after build, is a suggestion: the second build is incremental and
        // cheap, and Visual Studio's template has it.)
        "COPT4003", "COPT4004", "COPT4005", "COPT4006", "COPT4007", "COPT4009", "COPT4010", "COPT4012", "COPT4013",
        "COPT4014", "COPT4015", "COPT4016", "COPT4019",
        // ShellCheck: the descriptor's tier. Each finding has its own (Finding.Tier): bugs (ShellCheck's error
        // level, bashisms under a POSIX sh, shell syntax) warn here, style and quoting advice is a suggestion,
        // a shell syntax error the shell certainly rejects is minimum tier (ShellCheckSeverities).
        "COPT2200",
    };

    /// <summary>hadolint's versions of checks ContainerOpt makes under another code: they run only in hadolint mode.</summary>
    private static readonly string[] HadolintOnlyTier =
    {
        "COPT2059", // DL3059 consecutive RUNs: COPT3006 reports the same, once per run of RUNs, keeping package managers apart
    };

    /// <summary>
    /// hadolint's rules and their default severities (hadolint's README rule table and rule sources); false:
    /// off unless configured. DL3026 and the label rules run in hadolint but report only what the
    /// configuration names, so they are on here too.
    /// </summary>
    private static readonly Dictionary<string, (DiagnosticSeverity Severity, bool Enabled)> Hadolint = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DL1001"] = (DiagnosticSeverity.None, false),
        ["DL3000"] = (DiagnosticSeverity.Error, true),
        ["DL3001"] = (DiagnosticSeverity.Info, true),
        ["DL3002"] = (DiagnosticSeverity.Warning, true),
        ["DL3003"] = (DiagnosticSeverity.Warning, true),
        ["DL3004"] = (DiagnosticSeverity.Error, true),
        ["DL3006"] = (DiagnosticSeverity.Warning, true),
        ["DL3007"] = (DiagnosticSeverity.Warning, true),
        ["DL3008"] = (DiagnosticSeverity.Warning, true),
        ["DL3009"] = (DiagnosticSeverity.Info, true),
        ["DL3010"] = (DiagnosticSeverity.Info, true),
        ["DL3011"] = (DiagnosticSeverity.Error, true),
        ["DL3012"] = (DiagnosticSeverity.Error, true),
        ["DL3013"] = (DiagnosticSeverity.Warning, true),
        ["DL3014"] = (DiagnosticSeverity.Warning, true),
        ["DL3015"] = (DiagnosticSeverity.Info, true),
        ["DL3016"] = (DiagnosticSeverity.Warning, true),
        ["DL3018"] = (DiagnosticSeverity.Warning, true),
        ["DL3019"] = (DiagnosticSeverity.Info, true),
        ["DL3020"] = (DiagnosticSeverity.Error, true),
        ["DL3021"] = (DiagnosticSeverity.Error, true),
        ["DL3022"] = (DiagnosticSeverity.Warning, true),
        ["DL3023"] = (DiagnosticSeverity.Error, true),
        ["DL3024"] = (DiagnosticSeverity.Error, true),
        ["DL3025"] = (DiagnosticSeverity.Warning, true),
        ["DL3026"] = (DiagnosticSeverity.Error, true),
        ["DL3027"] = (DiagnosticSeverity.Warning, true),
        ["DL3028"] = (DiagnosticSeverity.Warning, true),
        ["DL3029"] = (DiagnosticSeverity.Warning, true),
        ["DL3030"] = (DiagnosticSeverity.Warning, true),
        ["DL3032"] = (DiagnosticSeverity.Warning, true),
        ["DL3033"] = (DiagnosticSeverity.Warning, true),
        ["DL3034"] = (DiagnosticSeverity.Warning, true),
        ["DL3035"] = (DiagnosticSeverity.Warning, true),
        ["DL3036"] = (DiagnosticSeverity.Warning, true),
        ["DL3037"] = (DiagnosticSeverity.Warning, true),
        ["DL3038"] = (DiagnosticSeverity.Warning, true),
        ["DL3040"] = (DiagnosticSeverity.Warning, true),
        ["DL3041"] = (DiagnosticSeverity.Warning, true),
        ["DL3042"] = (DiagnosticSeverity.Warning, true),
        ["DL3043"] = (DiagnosticSeverity.Error, true),
        ["DL3044"] = (DiagnosticSeverity.Error, true),
        ["DL3045"] = (DiagnosticSeverity.Warning, true),
        ["DL3046"] = (DiagnosticSeverity.Warning, true),
        ["DL3047"] = (DiagnosticSeverity.Info, true),
        ["DL3048"] = (DiagnosticSeverity.Style, true),
        ["DL3049"] = (DiagnosticSeverity.Info, true),
        ["DL3050"] = (DiagnosticSeverity.Info, true),
        ["DL3051"] = (DiagnosticSeverity.Warning, true),
        ["DL3052"] = (DiagnosticSeverity.Warning, true),
        ["DL3053"] = (DiagnosticSeverity.Warning, true),
        ["DL3054"] = (DiagnosticSeverity.Warning, true),
        ["DL3055"] = (DiagnosticSeverity.Warning, true),
        ["DL3056"] = (DiagnosticSeverity.Warning, true),
        ["DL3057"] = (DiagnosticSeverity.None, false),
        ["DL3058"] = (DiagnosticSeverity.Warning, true),
        ["DL3059"] = (DiagnosticSeverity.Info, true),
        ["DL3060"] = (DiagnosticSeverity.Info, true),
        ["DL3061"] = (DiagnosticSeverity.Error, true),
        ["DL3062"] = (DiagnosticSeverity.Warning, true),
        ["DL3063"] = (DiagnosticSeverity.None, false),
        ["DL3064"] = (DiagnosticSeverity.Warning, true),
        ["DL3065"] = (DiagnosticSeverity.Warning, true),
        ["DL3066"] = (DiagnosticSeverity.Info, true),
        ["DL3067"] = (DiagnosticSeverity.Warning, true),
        ["DL3068"] = (DiagnosticSeverity.Info, true),
        ["DL3069"] = (DiagnosticSeverity.Info, true),
        ["DL3070"] = (DiagnosticSeverity.Info, true),
        ["DL3071"] = (DiagnosticSeverity.Info, true),
        ["DL3072"] = (DiagnosticSeverity.Info, true),
        ["DL3073"] = (DiagnosticSeverity.Info, true),
        ["DL3074"] = (DiagnosticSeverity.Info, true),
        ["DL3075"] = (DiagnosticSeverity.Info, true),
        ["DL3076"] = (DiagnosticSeverity.Info, true),
        ["DL3077"] = (DiagnosticSeverity.Info, true),
        ["DL4000"] = (DiagnosticSeverity.Error, true),
        ["DL4001"] = (DiagnosticSeverity.Warning, true),
        ["DL4003"] = (DiagnosticSeverity.Warning, true),
        ["DL4004"] = (DiagnosticSeverity.Error, true),
        ["DL4005"] = (DiagnosticSeverity.Warning, true),
        ["DL4006"] = (DiagnosticSeverity.Warning, true),
        ["DL4007"] = (DiagnosticSeverity.Warning, true),
    };

    private static readonly Lazy<Dictionary<string, RuleTier>> Tiers = new(() =>
    {
        var map = new Dictionary<string, RuleTier>(StringComparer.Ordinal);
        foreach (var id in RecommendedTier) map[id] = RuleTier.Recommended;
        foreach (var id in MinimumTier) map[id] = RuleTier.Minimum;
        foreach (var id in HadolintOnlyTier) map[id] = RuleTier.HadolintOnly;
        return map;
    });

    /// <summary>
    /// The lowest mode in which the diagnostic reports at its own severity. Tool and parser diagnostics are
    /// always reported (<see cref="RuleTier.Minimum"/>); rules not in the table are <see cref="RuleTier.All"/>.
    /// </summary>
    public static RuleTier TierOf(DiagnosticDescriptor descriptor) => descriptor.Tier;

    /// <summary>What <see cref="TierOf"/> says, from the tables (a descriptor keeps it: <see cref="DiagnosticDescriptor.Tier"/>).</summary>
    internal static RuleTier LookUpTier(DiagnosticDescriptor descriptor) =>
        descriptor.Category is DiagnosticCategories.Tool or DiagnosticCategories.Syntax ? RuleTier.Minimum
        : Tiers.Value.TryGetValue(descriptor.Id, out var tier) ? tier
        : RuleTier.All;

    /// <summary>hadolint's default severity of one of its codes, and whether hadolint runs it by default; null for a code hadolint lacks.</summary>
    public static (DiagnosticSeverity Severity, bool Enabled)? HadolintDefault(string code) =>
        Hadolint.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>
    /// What hadolint runs by default that has no DL code: ShellCheck on every RUN script (hadolint reports its
    /// findings under their SC codes, at ShellCheck's own level). Its descriptor has no equivalents of its own
    /// (each finding carries its SC code), so the DL table cannot say hadolint runs it.
    /// </summary>
    private static readonly string[] HadolintRunsWithoutDlCode =
    {
        "COPT2200", // ShellCheck
    };

    /// <summary>
    /// True when hadolint's default rule set includes a rule this descriptor stands for (tool and parser
    /// diagnostics always run), or hadolint runs the check without a DL code (ShellCheck).
    /// </summary>
    public static bool RunsInHadolintMode(DiagnosticDescriptor descriptor) =>
        descriptor.Category is DiagnosticCategories.Tool or DiagnosticCategories.Syntax
        || Array.IndexOf(HadolintRunsWithoutDlCode, descriptor.Id) >= 0
        || descriptor.Equivalents.Any(e => HadolintDefault(e) is { Enabled: true });

    /// <summary>True when the rule runs in the mode (before its findings' severities are decided).</summary>
    public static bool RunsIn(AnalysisMode mode, DiagnosticDescriptor descriptor) => mode switch
    {
        AnalysisMode.Hadolint => RunsInHadolintMode(descriptor),
        AnalysisMode.All => TierOf(descriptor) != RuleTier.HadolintOnly,
        _ => descriptor.EnabledByDefault && TierOf(descriptor) != RuleTier.HadolintOnly,
    };

    /// <summary>
    /// The severity a finding has in a mode: its own where its rule's tier is reached, a suggestion (Style)
    /// below it; in hadolint mode, hadolint's severity of the code it stands for (None when hadolint has
    /// none on by default; for a ShellCheck finding, the finding's own severity, which the ShellCheck runner sets
    /// to ShellCheck's level in hadolint mode as hadolint does). Configuration applies after this.
    /// </summary>
    public static DiagnosticSeverity SeverityIn(AnalysisMode mode, Finding finding) =>
        SeverityIn(mode, finding.Descriptor, finding.Severity, finding.Tier, finding.Equivalents);

    /// <summary>
    /// <see cref="SeverityIn(AnalysisMode, Finding)"/> of a finding not made yet: its descriptor, severity, tier (null: its
    /// rule's) and equivalents. Given the severity it returns (when not None), it returns that severity again.
    /// </summary>
    public static DiagnosticSeverity SeverityIn(AnalysisMode mode, DiagnosticDescriptor descriptor, DiagnosticSeverity severity, RuleTier? findingTier,
        IReadOnlyList<string> equivalents)
    {
        var tier = findingTier ?? TierOf(descriptor);
        switch (mode)
        {
            case AnalysisMode.Hadolint:
                if (descriptor.Category is DiagnosticCategories.Tool or DiagnosticCategories.Syntax
                    || Array.IndexOf(HadolintRunsWithoutDlCode, descriptor.Id) >= 0)
                {
                    return severity;
                }
                foreach (var code in equivalents)
                {
                    if (HadolintDefault(code) is { Enabled: true } hadolint)
                    {
                        return hadolint.Severity;
                    }
                }
                return DiagnosticSeverity.None;
            case AnalysisMode.All:
                return tier == RuleTier.HadolintOnly ? DiagnosticSeverity.None : severity;
            case AnalysisMode.Minimum:
                // Only certainties: a minimum-tier rule's warnings (a version that works, but worse) are suggestions here.
                return tier == RuleTier.HadolintOnly ? DiagnosticSeverity.None
                    : tier == RuleTier.Minimum && severity == DiagnosticSeverity.Error ? severity : Quieter(severity);
            default:
                return tier == RuleTier.HadolintOnly ? DiagnosticSeverity.None
                    : tier <= RuleTier.Recommended ? severity : Quieter(severity);
        }
    }

    /// <summary>
    /// What a rule reports in each mode at its default severity, as every help page and <c>containeropt rules --modes</c>
    /// show it: "minimum: off · recommended: suggestion · all: warning · hadolint: warning" ("off": the rule does not run
    /// or hadolint has no such rule on by default; "suggestion": kept in JSON, SARIF and the binlog, not printed in builds).
    /// </summary>
    public static string ModesLine(DiagnosticDescriptor descriptor)
    {
        string In(AnalysisMode mode)
        {
            if (!RunsIn(mode, descriptor))
            {
                return "off";
            }
            var severity = SeverityIn(mode, new Finding(descriptor, descriptor.DefaultSeverity, "", null, default, default));
            // hadolint prints its style level; the other modes keep Style as a suggestion outside the build's output.
            return severity == DiagnosticSeverity.None ? "off"
                : severity == DiagnosticSeverity.Style ? (mode == AnalysisMode.Hadolint ? "style" : "suggestion")
                : severity.ToText();
        }
        return $"minimum: {In(AnalysisMode.Minimum)} · recommended: {In(AnalysisMode.Recommended)} · all: {In(AnalysisMode.All)} · hadolint: {In(AnalysisMode.Hadolint)}";
    }

    /// <summary>How many rules (tool and parser diagnostics excluded) report at warning or error in the mode: README's mode table.</summary>
    public static int WarningRulesIn(AnalysisMode mode) =>
        All.Count(d => d.Category is not (DiagnosticCategories.Tool or DiagnosticCategories.Syntax) && RunsIn(mode, d)
            && SeverityIn(mode, new Finding(d, d.DefaultSeverity, "", null, default, default)) >= DiagnosticSeverity.Warning);

    /// <summary>A finding below its tier is a suggestion; one already quieter stays as it is.</summary>
    private static DiagnosticSeverity Quieter(DiagnosticSeverity severity) =>
        severity > DiagnosticSeverity.Style ? DiagnosticSeverity.Style : severity;
}
