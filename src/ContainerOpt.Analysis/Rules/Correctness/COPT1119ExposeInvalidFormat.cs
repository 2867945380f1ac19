using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's ExposeInvalidFormat: an EXPOSE port with an IP address or a host-port mapping
/// (<c>127.0.0.1:80:80</c>, <c>5000:5000</c>). EXPOSE only documents container ports; publishing
/// belongs to <c>docker run -p</c>.
/// </summary>
public sealed class COPT1119ExposeInvalidFormat : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ExposeInvalidFormat;

    public override void Analyze(RuleContext context)
    {
        // Only a port with a ':' has an IP address or a host port.
        if (ExposePorts.Of(context, ':') is not { } ports)
        {
            return;
        }
        foreach (var (token, port) in ports)
        {
            if (port.IndexOf(':') < 0)
            {
                continue;
            }
            var (ip, hostPort, containerPort) = ExposePorts.Split(port);
            if (ip.Length > 0 || hostPort.Length > 0)
            {
                context.Report(token.Span, port, containerPort);
            }
        }
    }
}
