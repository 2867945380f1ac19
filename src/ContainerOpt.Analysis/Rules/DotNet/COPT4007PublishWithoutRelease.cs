using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A <c>dotnet publish</c> that publishes the Debug configuration: <c>-c Debug</c> (also through an
/// ARG/ENV), or no configuration where the SDK's default is still Debug. Since the .NET 8 SDK,
/// <c>dotnet publish</c> defaults to Release (PublishRelease) for projects whose TargetFramework is
/// net8.0 or later — for a multi-targeting project only when <c>-f</c> picks net8.0+. So a publish without
/// <c>-c</c> is reported only for older target frameworks or a multi-targeting publish without <c>-f</c>
/// (or <c>-p:PublishRelease=false</c>): the explicit flag is then required, and elsewhere it would only
/// restate the default.
/// </summary>
public sealed class COPT4007PublishWithoutRelease : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PublishWithoutRelease;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        if (project is null)
        {
            return;
        }
        var commands = context.Facts.DotNetCommands;
        foreach (var publish in commands.WithVerb("publish"))
        {
            var option = publish.Option("c", "configuration");
            var property = publish.Property("Configuration");
            if (option is not null || property is not null)
            {
                // The -c option wins over -p:Configuration when both are given.
                string? raw = option is not null ? option.Value : property?.Value;
                string? configuration = publish.Resolve(raw);
                if (configuration is not null && configuration.Equals("Debug", StringComparison.OrdinalIgnoreCase))
                {
                    var word = option is not null ? option.ValueOrOptionWord : property!.Word; // raw came from one of them
                    context.Report(publish.Run.SpanOf(word), "publishes");
                }
                continue;
            }
            string? publishRelease = publish.Resolve(publish.Property("PublishRelease")?.Value);
            if (DotNetFacts.IsTrue(publishRelease))
            {
                continue;
            }
            var published = PublishedFramework(context, publish, project);
            if (published is null)
            {
                continue; // unknown, or a multi-targeting publish without -f (that fails with NETSDK1129 anyway)
            }
            bool releaseByDefault = !DotNetFacts.IsFalse(publishRelease) && published.Major >= 8;
            if (!releaseByDefault)
            {
                context.Report(publish.VerbSpan, "without -c publishes");
            }
        }
    }

    /// <summary>
    /// The framework being published: the <c>-f</c> value, else the project's only target framework.
    /// PublishRelease defaults to true when it is net8.0 or later (building it needs an 8+ SDK).
    /// </summary>
    private static Version? PublishedFramework(RuleContext context, DotNetCommand publish, ProjectModel project)
    {
        string? framework = publish.Resolve(publish.Option("f", "framework")?.Value);
        if (framework is not null)
        {
            return Core.Projects.ProjectModel.ParseTargetFramework(framework);
        }
        return project.TargetFrameworks.Count == 1 ? Core.Projects.ProjectModel.ParseTargetFramework(project.TargetFrameworks[0]) : null;
    }
}
