using System.Globalization;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Exposes the ports the app listens on instead of those it does not (the rule tells the fixer where it listens): the
/// reported ports, in order, become the listening ports no EXPOSE of the image names yet; a reported port left over is
/// removed, and an EXPOSE all of whose ports go is removed with its line. EXPOSE only documents; what the app listens on
/// does not change.
/// </summary>
public sealed class COPT4012ExposePortMismatchFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ExposePortMismatch;

    public override CodeFix? Fix(FixContext context)
    {
        var final = context.Model.FinalStage;
        var listening = (context.Property(FixProperties.Ports) ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        if (final is null || listening.Count == 0)
        {
            return null;
        }
        var exposes = final.ChainInstructionsOf(InstructionKind.Expose).ToList();
        var reported = context.Findings.Where(f => f.Code == Descriptor.Id).Select(f => f.Span).ToList();
        var tokens = exposes.SelectMany(e => e.Syntax.Arguments.Select(t => (Expose: e, Token: t))).ToList();
        if (tokens.Any(t => t.Token.Value.Contains('$')))
        {
            return null;
        }
        var kept = tokens.Where(t => !reported.Contains(t.Token.Span)).Select(t => t.Token.Value).ToList();
        var unexposed = listening.Where(p => !kept.Any(k => Covers(k, p))).ToList();
        var mine = tokens.FindIndex(t => t.Token.Span == context.Finding.Span);
        if (mine < 0)
        {
            return null;
        }
        int order = tokens.Take(mine).Count(t => reported.Contains(t.Token.Span));
        var (expose, token) = tokens[mine];
        if (order < unexposed.Count)
        {
            string port = unexposed[order].ToString(CultureInfo.InvariantCulture);
            return context.Offer($"Expose {port}", context.Replace(token.Span, port));
        }
        // Nothing left to expose in its place: the port goes; with it the EXPOSE, when all its ports go.
        var own = expose.Syntax.Arguments;
        bool allGo = own.All(t => reported.Contains(t.Span) && tokens.Take(tokens.FindIndex(x => x.Token.Span == t.Span)).Count(x => reported.Contains(x.Token.Span)) >= unexposed.Count);
        if (allGo)
        {
            return own[0].Span == token.Span && expose.Syntax.EndLine == expose.Syntax.StartLine
                ? context.Offer("Remove the EXPOSE", context.Delete(context.WholeLines(expose.Syntax)))
                : null;
        }
        int index = IndexOf(own, token);
        var span = index > 0 ? TextSpan.FromBounds(own[index - 1].Span.End, token.Span.End) : TextSpan.FromBounds(token.Span.Start, own[1].Span.Start);
        return context.Source.GetText(span).IndexOf('\n') >= 0 ? null : context.Offer($"Remove {token.Value}", context.Delete(span));
    }

    private static bool Covers(string written, int port)
    {
        string value = written.Trim();
        int slash = value.IndexOf('/');
        if (slash >= 0)
        {
            if (!value.Substring(slash + 1).Equals("tcp", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            value = value.Substring(0, slash);
        }
        int dash = value.IndexOf('-');
        return dash < 0
            ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p == port
            : int.TryParse(value.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int low)
              && int.TryParse(value.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int high) && port >= low && port <= high;
    }

    private static int IndexOf(IReadOnlyList<SyntaxToken> tokens, SyntaxToken token)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }
        return -1;
    }
}
