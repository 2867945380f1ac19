using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's ExposeProtoCasing: the protocol of an EXPOSE port is not lowercase (<c>8080/TCP</c>).</summary>
public sealed class COPT1118ExposeProtoCasing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ExposeProtoCasing;

    public override void Analyze(RuleContext context)
    {
        if (ExposePorts.Of(context, '/') is not { } ports)
        {
            return;
        }
        foreach (var (token, port) in ports)
        {
            int slash = port.IndexOf('/');
            if (slash < 0)
            {
                continue;
            }
            string proto = port.Substring(slash + 1);
            if (proto != proto.ToLowerInvariant() && ExposePorts.IsKnownProtocol(proto))
            {
                context.Report(token.Span, port, port.Substring(0, slash + 1) + proto.ToLowerInvariant());
            }
        }
    }
}

/// <summary>The ports of every EXPOSE in the stages, expanded and split into words as BuildKit does.</summary>
internal static class ExposePorts
{
    /// <summary>
    /// The ports that may hold <paramref name="holding"/> ('/' before a protocol, ':' in a host mapping), with the word
    /// each comes from; null when there are none (most files). A word with neither that character nor '$' expands to
    /// words without it, so it is not expanded at all.
    /// </summary>
    public static List<(SyntaxToken Token, string Port)>? Of(RuleContext context, char holding)
    {
        List<(SyntaxToken Token, string Port)>? ports = null;
        ShellLex? lex = null;
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var instructions = stages[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                if (instruction.Kind != InstructionKind.Expose)
                {
                    continue;
                }
                var arguments = instruction.Syntax.Arguments;
                for (int j = 0; j < arguments.Count; j++)
                {
                    var token = arguments[j];
                    if (token.Value.IndexOf(holding) < 0 && token.Value.IndexOf('$') < 0)
                    {
                        continue;
                    }
                    lex ??= new ShellLex(context.Model.Syntax.EscapeToken);
                    var words = lex.ProcessWords(token.Value, instruction.Scope);
                    if (!words.Success)
                    {
                        continue;
                    }
                    var list = words.Words;
                    for (int w = 0; w < list.Count; w++)
                    {
                        (ports ??= new()).Add((token, list[w]));
                    }
                }
            }
        }
        return ports;
    }

    public static bool IsKnownProtocol(string proto) => proto.ToLowerInvariant() is "tcp" or "udp" or "sctp";

    /// <summary>BuildKit's splitParts: <c>[ip:]hostPort:containerPort</c>.</summary>
    public static (string Ip, string HostPort, string ContainerPort) Split(string port)
    {
        var parts = port.Split(':');
        return parts.Length switch
        {
            1 => ("", "", parts[0]),
            2 => ("", parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (string.Join(":", parts.Take(parts.Length - 2)), parts[parts.Length - 2], parts[parts.Length - 1]),
        };
    }
}
