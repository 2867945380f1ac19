using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Rules;

/// <summary>What a rule sees of the .NET SDK's container properties, and where it reports. One per rule per check.</summary>
public sealed class ContainerPropertiesContext
{
    private readonly List<Finding> _sink;

    internal ContainerPropertiesContext(ContainerPropertiesInput input, List<Finding> sink)
    {
        Input = input;
        _sink = sink;
        DotNetBaseImage = DotNetImage.Parse(input.BaseImage);
    }

    public ContainerPropertiesInput Input { get; }

    public ProjectModel Project => Input.Project;

    /// <summary>The image the SDK builds on.</summary>
    public string BaseImage => Input.BaseImage;

    /// <summary>The base image understood as a .NET image (kind, version, variant), or null when it is not one.</summary>
    public DotNetImage? DotNetBaseImage { get; }

    /// <summary>Where the project files set the property, or null (the SDK's default, a global property).</summary>
    public ProjectFileLocation? PropertyLocation(string name) => Input.Properties.TryGetValue(name, out var location) ? location : null;

    /// <summary>Reports at the property's place (the project file without a position when none); the finding's severity and tier are its rule's.</summary>
    public void Report(DiagnosticMessage message, ProjectFileLocation? at, params object?[] messageArgs) =>
        ReportAs(message.Descriptor.DefaultSeverity, null, message, at, messageArgs);

    /// <summary>
    /// Reports at a severity and tier of this finding's own: the SDK's container build leaves less room for doubt than a
    /// Dockerfile (nothing but the publish output goes on the base image), so some findings the Dockerfile route keeps as
    /// suggestions warn here. Each help page says which.
    /// </summary>
    public void ReportAs(DiagnosticSeverity severity, RuleTier? tier, DiagnosticMessage message, ProjectFileLocation? at, params object?[] messageArgs)
    {
        string file = at?.Path ?? Project.ProjectPath;
        _sink.Add(new Finding(message.Descriptor, severity, message.FormatMessage(messageArgs), file,
            at?.Location ?? default, at?.Span ?? default, tier: tier));
    }
}
