using ContainerOpt.Analysis.Rules;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Engine;

/// <summary>
/// Checks the .NET SDK's container properties (the image <c>dotnet publish -t:PublishContainer</c> builds without a
/// Dockerfile) with every rule that has such a check (<see cref="IContainerPropertiesRule"/>), then applies the analysis
/// mode and the configuration as <see cref="DockerfileAnalyzer"/> does. No I/O; never throws: a rule that fails is COPT0009.
/// </summary>
public sealed class ContainerPropertiesAnalyzer
{
    private readonly IReadOnlyList<DockerfileRule> _rules;

    public ContainerPropertiesAnalyzer()
        : this(RuleCatalog.Rules)
    {
    }

    public ContainerPropertiesAnalyzer(IReadOnlyList<DockerfileRule> rules)
    {
        _rules = rules;
    }

    public IReadOnlyList<Finding> Analyze(ContainerPropertiesInput input)
    {
        if (input is null) throw new ArgumentNullException(nameof(input));
        var options = input.Options;
        var findings = new List<Finding>();
        foreach (var rule in _rules)
        {
            if (rule is not IContainerPropertiesRule check || !DockerfileAnalyzer.IsEnabled(rule.Descriptor, options, input.EditorConfig))
            {
                continue;
            }
            var sink = new List<Finding>();
            try
            {
                check.AnalyzeContainerProperties(new ContainerPropertiesContext(input, sink));
            }
            catch (Exception e)
            {
                // As in the Dockerfile analysis: one rule's bug must not hide the others or fail the build with MSB4018.
                sink.Clear();
                string project = input.Project.ProjectPath;
                sink.Add(new Finding(DiagnosticCatalog.InternalError, DiagnosticCatalog.InternalError.DefaultSeverity,
                    DiagnosticCatalog.InternalError.FormatMessage(project, $"rule {rule.Descriptor.Id} threw {e.GetType().Name}: {e.Message}"), project, default, default));
            }
            findings.AddRange(sink);
        }

        var mode = options.EffectiveMode;
        var reported = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (options.Ignored.Any(finding.IsNamedBy))
            {
                continue;
            }
            var severity = DockerfileAnalyzer.Configured(finding, DiagnosticCatalog.SeverityIn(mode, finding), options, input.EditorConfig);
            if (severity != DiagnosticSeverity.None)
            {
                reported.Add(finding.WithSeverity(severity));
            }
        }
        return reported
            .OrderBy(f => f.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Start.Line).ThenBy(f => f.Location.Start.Column).ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToArray();
    }
}
