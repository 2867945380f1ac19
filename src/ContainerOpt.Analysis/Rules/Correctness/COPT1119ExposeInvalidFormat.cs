using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's ExposeInvalidFormat: an EXPOSE port with an IP address or a host-port mapping
/// (<c>127.0.0.1:80:80</c>, <c>5000:5000</c>). EXPOSE only documents container ports; publishing
/// belongs to <c>docker run -p</c>.
/// </summary>
public sealed class COPT1119ExposeInvalidFormat : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT1119",
        "expose-invalid-format",
        "IP address and host-port mapping should not be used in EXPOSE instruction",
        "EXPOSE instruction should not define an IP address or host-port mapping, found '{0}': write only the container port '{1}' and publish it with 'docker run -p'.",
        DiagnosticSeverity.Warning,
        RuleCategories.Correctness,
        new[] { "ExposeInvalidFormat" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var (token, port) in ExposePorts.Of(context))
        {
            var (ip, hostPort, containerPort) = ExposePorts.Split(port);
            if (ip.Length > 0 || hostPort.Length > 0)
            {
                context.Report(token.Span, port, containerPort);
            }
        }
    }
}
