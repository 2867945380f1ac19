using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's StageNameCasing: stage names are lowercase (BuildKit lowercases them anyway).</summary>
public sealed class COPT1100StageNameCasing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.StageNameCasing;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var name = stage.NameToken;
            if (name is not null && !InvariantCase.IsCased(name.Value, upperCase: false))
            {
                context.Report(name.Span, name.Value, name.Value.ToLowerInvariant());
            }
        }
    }
}
