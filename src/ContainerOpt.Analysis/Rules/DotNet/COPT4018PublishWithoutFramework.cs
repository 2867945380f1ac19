using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A <c>dotnet publish</c> of a project that targets several frameworks, with no <c>-f</c>/<c>--framework</c> and no
/// <c>-p:TargetFramework=</c>: the SDK refuses it with NETSDK1129, so the image build fails. The fix names the framework the
/// container runs (<c>ContainerOptTargetFramework</c>, else the newest). A publish of another project file (a different
/// first argument) is not judged. Needs the project.
/// </summary>
public sealed class COPT4018PublishWithoutFramework : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PublishWithoutFramework;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        if (project is null || !project.IsMultiTargeted)
        {
            return;
        }
        string projectFile = System.IO.Path.GetFileName(project.ProjectPath);
        foreach (var publish in context.Facts.DotNetCommands.WithVerb("publish"))
        {
            if (publish.Has("f", "framework") || publish.Property("TargetFramework") is not null || publish.Property("TargetFrameworks") is not null)
            {
                continue;
            }
            string? target = publish.Positionals.FirstOrDefault()?.Value;
            if (target is not null && target.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
                && !target.Replace('\\', '/').EndsWith("/" + projectFile, StringComparison.OrdinalIgnoreCase) && !target.Equals(projectFile, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            context.Report(publish.VerbSpan, string.Join(";", project.TargetFrameworks), project.ContainerFramework);
        }
    }
}
