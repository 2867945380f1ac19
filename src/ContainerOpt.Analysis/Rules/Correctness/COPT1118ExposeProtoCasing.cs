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
        foreach (var (token, port) in ExposePorts.Of(context, mayHoldSlash: true))
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
    /// <param name="context">The file's context.</param>
    /// <param name="mayHoldSlash">
    /// Only the words that may hold a '/' (a protocol): a word with neither '/' nor '$' expands to words without one,
    /// so it is not expanded at all.
    /// </param>
    public static IEnumerable<(SyntaxToken Token, string Port)> Of(RuleContext context, bool mayHoldSlash = false)
    {
        ShellLex? lex = null;
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind != InstructionKind.Expose)
                {
                    continue;
                }
                foreach (var token in instruction.Syntax.Arguments)
                {
                    if (mayHoldSlash && token.Value.IndexOf('/') < 0 && token.Value.IndexOf('$') < 0)
                    {
                        continue;
                    }
                    lex ??= new ShellLex(context.Model.Syntax.EscapeToken);
                    var words = lex.ProcessWords(token.Value, instruction.Scope);
                    if (!words.Success)
                    {
                        continue;
                    }
                    foreach (var word in words.Words)
                    {
                        yield return (token, word);
                    }
                }
            }
        }
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
