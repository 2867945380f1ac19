using System.CommandLine;
using System.CommandLine.Parsing;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Cli.Commands;

/// <summary>What a lint was asked on the command line.</summary>
internal sealed class LintRequest
{
    /// <summary>The arguments after <c>lint</c>, as SARIF records the command line (response files expanded).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Operands { get; init; } = Array.Empty<string>();

    /// <summary>The format named (any name or alias of the registry), or null for the default of where standard output goes.</summary>
    public string? Format { get; init; }
    public string? Project { get; init; }
    public string? Context { get; init; }
    public string? Config { get; init; }
    public AnalysisMode? Mode { get; init; }
    public bool Verbose { get; init; }

    /// <summary>hadolint's --no-color: tty prints no colours (nor does it with NO_COLOR set, or off a terminal).</summary>
    public bool NoColor { get; init; }

    /// <summary>The name the report gives the Dockerfile (one Dockerfile, or standard input), instead of its path.</summary>
    public string? FilePathInReport { get; init; }

    /// <summary>The hadolint flags that apply over the configuration files.</summary>
    public ConfigurationOverrides Overrides { get; init; } = new();
}

/// <summary>
/// lint's operands and options — hadolint's flags with hadolint's names and meaning, and ContainerOpt's own (--mode,
/// --project, --context) — and how a parse of them becomes a <see cref="LintRequest"/>. Values are checked while parsing
/// (a rule that names no rule, a level or label format that does not exist is a usage error), so reading them cannot fail.
/// </summary>
internal sealed class LintCommandLine
{
    private static readonly string[] ModeNames = { "recommended", "minimum", "all", "hadolint" };

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "Dockerfiles, or folders searched for them (Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile); - reads one from standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Every name and alias of the report formats' registry, the one list --format is checked against.</summary>
    private static readonly string[] FormatNames = FindingReportFormats.All.SelectMany(f => new[] { f.Name }.Concat(f.Aliases)).ToArray();

    private readonly Option<string> _format = CliOptions.Choice("--format", FormatNames, null,
        "The report's format: " + string.Join(", ", FindingReportFormats.All.Select(f => f.Aliases.Count == 0 ? f.Name : $"{f.Name} (or {string.Join(", ", f.Aliases)})"))
        + ". Default: tty on a terminal, else msbuild (the canonical text editors and CI logs read).", "-f");

    private readonly Option<string> _config = CliOptions.Value("--config", "FILE",
        "A .hadolint.yaml or containeropt.yaml to use instead of the ones found from each Dockerfile's folder up to the repository root, then in the user's config folder.", "-c");

    private readonly Option<string> _mode = new("--mode")
    {
        Description = "The rule set: recommended (default), minimum, all, or hadolint (hadolint's rules and severities).",
        HelpName = string.Join("|", ModeNames),
    };

    private readonly Option<string> _project = CliOptions.Value("--project", "X.csproj", "Evaluate this .NET project (with your SDK's MSBuild) for the .NET rules.");

    private readonly Option<string> _context = CliOptions.Value("--context", "DIR",
        "The build context (default: the Dockerfile's folder): its .dockerignore counts and COPY sources are checked in it.");

    private readonly Option<string> _threshold = CliOptions.Choice("--failure-threshold", HadolintConfigReader.FailureThresholdNames, null,
        "Exit 1 only for findings at or above this level (default: error); ignore and none: any finding.", "-t");

    private readonly Option<bool> _noFail = CliOptions.Flag("--no-fail", "Exit 0 whatever is found (usage and I/O problems still exit 2).");

    private readonly Option<string[]> _ignore = CliOptions.Rule("--ignore",
        "Switch a rule off (any of its names: COPT2008, apt-get-pin-versions, DL3008, a BuildKit check, SC2086).");

    private readonly Option<string[]> _error = CliOptions.Rule("--error", "Report a rule as an error.");
    private readonly Option<string[]> _warning = CliOptions.Rule("--warning", "Report a rule as a warning.");
    private readonly Option<string[]> _info = CliOptions.Rule("--info", "Report a rule as info.");
    private readonly Option<string[]> _style = CliOptions.Rule("--style", "Report a rule as style (a suggestion).");

    private readonly Option<string[]> _trusted = CliOptions.Repeated("--trusted-registry", "REGISTRY",
        "A registry FROM images may come from (docker.io, my.registry:5000, *.gcr.io); any other is reported.");

    private readonly Option<string[]> _requireLabel = CliOptions.Repeated("--require-label", "LABEL:FORMAT",
        $"A label every image must carry, in a format: {string.Join(", ", Analysis.Facts.LabelPairs.SchemaTypes)}.");

    private readonly Option<bool> _strictLabels = CliOptions.Flag("--strict-labels", "Report labels that --require-label and the label-schema do not name.");
    private readonly Option<bool> _disablePragma = CliOptions.Flag("--disable-ignore-pragma", "Ignore the '# hadolint ignore=' and '# containeropt ignore=' comments.");
    private readonly Option<bool> _noColor = CliOptions.Flag("--no-color", "Print no colours (tty; NO_COLOR set does the same).");
    private readonly Option<bool> _verbose = CliOptions.Flag("--verbose", "Say on standard error which configuration and which ShellCheck each Dockerfile uses.", "-V");

    private readonly Option<string> _reportPath = CliOptions.Value("--file-path-in-report", "PATH",
        "The path the report gives the Dockerfile (one Dockerfile, or - from standard input, whose configuration is then found from this path's folder).");

    public LintCommandLine()
    {
        // The formats are many: listed in the description, not in the option's column.
        _format.HelpName = "FORMAT";
        // Read as the configuration's mode: 'default' is recommended too.
        _mode.CompletionSources.Add(ModeNames);
        _mode.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!AnalysisModeText.TryParse(token.Value, out _))
                {
                    result.AddError($"'{token.Value}' is not a mode; use recommended, minimum, all or hadolint.");
                }
            }
        });
        _requireLabel.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!ConfigurationOverrides.TryParseLabelRequirement(token.Value, out _, out _, out var problem))
                {
                    result.AddError("--require-label: " + problem);
                }
            }
        });
        CliApp.RequiredMessage(_paths, "lint needs at least one Dockerfile or folder.");
    }

    /// <summary>The command with these operands and options, in the order help lists them.</summary>
    public Command CreateCommand(string name, string description) => new(name, description)
    {
        _paths, _format, _config, _mode, _project, _context, _threshold, _noFail, _ignore, _error, _warning, _info, _style, _trusted,
        _requireLabel, _strictLabels, _disablePragma, _noColor, _verbose, _reportPath,
    };

    /// <summary>
    /// The request a parse without errors makes, with hadolint's HADOLINT_* variables of <paramref name="environment"/>
    /// under it (<see cref="HadolintEnvironment"/>: the command line wins, lists add up).
    /// </summary>
    public LintRequest Read(ParseResult result, Func<string, string?> environment)
    {
        var hadolint = new HadolintEnvironment(environment);
        var overrides = new ConfigurationOverrides();
        hadolint.AddTo(overrides);
        if (result.GetValue(_threshold) is { } level && HadolintConfigReader.TryParseFailureThreshold(level, out var threshold)) overrides.FailureThreshold = threshold;
        if (result.GetValue(_noFail)) overrides.NoFail = true;
        if (result.GetValue(_strictLabels)) overrides.StrictLabels = true;
        if (result.GetValue(_disablePragma)) overrides.DisableIgnorePragma = true;
        string? format = result.GetValue(_format);
        if (format is null && hadolint.Value("HADOLINT_FORMAT") is { } named)
        {
            format = CliOptions.Canonical(FormatNames, named)
                ?? throw new UsageException($"HADOLINT_FORMAT: '{named}' is not a format; use one of {string.Join(", ", FindingReportFormats.All.Select(f => f.Name))}.");
        }
        foreach (var rule in result.GetValue(_ignore) ?? Array.Empty<string>())
        {
            overrides.Ignored.Add(rule.Trim());
        }
        foreach (var pair in InCommandLineOrder(result, (_error, DiagnosticSeverity.Error), (_warning, DiagnosticSeverity.Warning),
            (_info, DiagnosticSeverity.Info), (_style, DiagnosticSeverity.Style)))
        {
            overrides.Severities.Add(pair);
        }
        foreach (var registry in result.GetValue(_trusted) ?? Array.Empty<string>())
        {
            overrides.TrustedRegistries.Add(registry.Trim());
        }
        foreach (var label in result.GetValue(_requireLabel) ?? Array.Empty<string>())
        {
            ConfigurationOverrides.TryParseLabelRequirement(label, out var name, out var type, out _);
            overrides.LabelSchema.Add(new KeyValuePair<string, string>(name, type));
        }
        return new LintRequest
        {
            Arguments = result.Tokens.SkipWhile(t => t.Type != TokenType.Command).Skip(1).Select(t => t.Value).ToArray(),
            Operands = result.GetValue(_paths) ?? Array.Empty<string>(),
            Format = format,
            Project = result.GetValue(_project),
            Context = result.GetValue(_context),
            Config = result.GetValue(_config),
            Mode = result.GetValue(_mode) is { } modeText && AnalysisModeText.TryParse(modeText, out var mode) ? mode : null,
            Verbose = result.GetValue(_verbose) || hadolint.Flag("HADOLINT_VERBOSE"),
            NoColor = result.GetValue(_noColor),
            FilePathInReport = result.GetValue(_reportPath),
            Overrides = overrides,
        };
    }

    /// <summary>The rules of the severity options in the order the command line gives them: a rule named twice takes the last.</summary>
    private static IEnumerable<KeyValuePair<string, DiagnosticSeverity>> InCommandLineOrder(ParseResult result, params (Option<string[]> Option, DiagnosticSeverity Severity)[] options)
    {
        var given = new List<(int At, string Rule, DiagnosticSeverity Severity)>();
        foreach (var (option, severity) in options)
        {
            foreach (var token in result.GetResult(option)?.Tokens ?? (IReadOnlyList<Token>)Array.Empty<Token>())
            {
                int at = 0;
                while (at < result.Tokens.Count && !ReferenceEquals(result.Tokens[at], token))
                {
                    at++;
                }
                given.Add((at, token.Value.Trim(), severity));
            }
        }
        return given.OrderBy(g => g.At).Select(g => new KeyValuePair<string, DiagnosticSeverity>(g.Rule, g.Severity));
    }
}
