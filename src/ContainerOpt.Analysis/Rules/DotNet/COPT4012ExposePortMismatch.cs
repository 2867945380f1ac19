using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// An EXPOSE port (TCP) of the final image that the ASP.NET Core app does not listen on. Where the
/// app listens, most specific first: <c>--urls</c> on the ENTRYPOINT/CMD; ASPNETCORE_URLS/DOTNET_URLS
/// set by ENV; ASPNETCORE_HTTP_PORTS/ASPNETCORE_HTTPS_PORTS set by ENV (ASP.NET Core 8+); the image's
/// own setting (.NET 8+ images: ASPNETCORE_HTTP_PORTS=8080; earlier: ASPNETCORE_URLS=http://+:80). The
/// project's ContainerPort items and ContainerEnvironmentVariable ports count as listened on too.
/// Web apps only; silent when the listening ports cannot be known (a non-.NET base without ENV). The conventional HTTPS
/// port (8081 on .NET 8+ images, 443 before) is not a mismatch while the image leaves HTTPS to run time (no URLs fixed,
/// no ASPNETCORE_HTTPS_PORTS): Visual Studio's template exposes 8080 and 8081 and sets ASPNETCORE_HTTPS_PORTS=8081 when it
/// runs the container, as a deployment does with its certificate.
/// The .NET SDK's container build: each TCP ContainerPort item (the image's exposed ports) against where the app listens
/// there: ASPNETCORE_URLS/DOTNET_URLS or ASPNETCORE_HTTP_PORTS/ASPNETCORE_HTTPS_PORTS among the ContainerEnvironmentVariable
/// items, else the .NET base image's own setting; reported at the item's Include.
/// </summary>
public sealed class COPT4012ExposePortMismatch : DockerfileRule, IContainerPropertiesRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ExposePortMismatch;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        if (project is null || final is null || !project.IsWeb)
        {
            return;
        }
        var exposes = final.ChainInstructionsOf(InstructionKind.Expose).ToList();
        if (exposes.Count == 0)
        {
            return;
        }
        var image = context.Facts.DotNetBaseImageOf(final);
        var version = image?.Version ?? project.FrameworkVersion;
        bool modern = version is null || version.Major >= 8;
        var (listening, why) = Listening(context, final, image, modern);
        if (listening.Count == 0)
        {
            return;
        }
        var declared = new HashSet<int>(listening);
        if (HttpsLeftToRunTime(final))
        {
            declared.Add(modern ? 8081 : 443);
        }
        foreach (var port in project.ContainerPorts)
        {
            if (ParsePort(port) is { } p) declared.Add(p);
        }
        foreach (var pair in project.ContainerEnvironment)
        {
            foreach (var p in PortsOf(pair.Key, pair.Value)) declared.Add(p);
        }
        string listed = string.Join(", ", listening.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var ports = new Dictionary<string, string> { [Fixes.FixProperties.Ports] = listed.Replace(" ", "") };
        foreach (var expose in exposes)
        {
            foreach (var token in expose.Syntax.Arguments)
            {
                string value = context.Model.Expand(expose, token.Value).Result.Trim();
                if (value.Length == 0 || value.EndsWith("/udp", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                int slash = value.IndexOf('/');
                string number = slash >= 0 ? value.Substring(0, slash) : value;
                if (!TryRange(number, out int low, out int high) || declared.Any(p => p >= low && p <= high))
                {
                    continue;
                }
                string fix = modern ? $"ENV ASPNETCORE_HTTP_PORTS={number}" : $"ENV ASPNETCORE_URLS=http://+:{number}";
                context.Report(token.Span, ports, value, listed, why, fix);
            }
        }
    }

    public void AnalyzeContainerProperties(ContainerPropertiesContext context)
    {
        var project = context.Project;
        if (!project.IsWeb || project.ContainerPorts.Count == 0)
        {
            return;
        }
        var image = context.DotNetBaseImage;
        var version = image?.Version ?? project.FrameworkVersion;
        bool modern = version is null || version.Major >= 8;
        var environment = project.ContainerEnvironment;
        string? Env(string name) => environment.TryGetValue(name, out var value) ? value : null;

        List<int> listening;
        string why;
        var urls = new[] { "ASPNETCORE_URLS", "DOTNET_URLS" }.Select(n => (Name: n, Value: Env(n))).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.Value));
        string? http = modern ? Env("ASPNETCORE_HTTP_PORTS") : null, https = modern ? Env("ASPNETCORE_HTTPS_PORTS") : null;
        if (urls.Name is not null)
        {
            (listening, why) = (UrlPorts(urls.Value!), $"ContainerEnvironmentVariable {urls.Name}={urls.Value}");
        }
        else if (http is not null || https is not null)
        {
            listening = new List<int>();
            var reasons = new List<string>();
            if (http is not null)
            {
                listening.AddRange(PortList(http));
                reasons.Add("ContainerEnvironmentVariable ASPNETCORE_HTTP_PORTS=" + http);
            }
            else if (image is not null)
            {
                listening.Add(8080);
                reasons.Add("ASPNETCORE_HTTP_PORTS=8080 from the image");
            }
            if (https is not null)
            {
                listening.AddRange(PortList(https));
                reasons.Add("ContainerEnvironmentVariable ASPNETCORE_HTTPS_PORTS=" + https);
            }
            (listening, why) = (listening.Distinct().ToList(), string.Join(", ", reasons));
        }
        else if (image?.Version is { } v)
        {
            (listening, why) = v.Major >= 8
                ? (new List<int> { 8080 }, $"ASPNETCORE_HTTP_PORTS=8080, set by '{image.Reference}'")
                : (new List<int> { 80 }, $"ASPNETCORE_URLS=http://+:80, set by '{image.Reference}'");
        }
        else
        {
            return; // a base image it does not know, and no setting of the project's: where the app listens is unknown
        }
        if (listening.Count == 0)
        {
            return;
        }
        var declared = new HashSet<int>(listening);
        if (urls.Name is null && https is null)
        {
            declared.Add(modern ? 8081 : 443); // HTTPS left to run time, as in a Dockerfile
        }
        string listed = string.Join(", ", listening.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var port in project.ContainerPorts)
        {
            if (port.EndsWith("/udp", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            int slash = port.IndexOf('/');
            string number = slash >= 0 ? port.Substring(0, slash) : port;
            if (!TryRange(number, out int low, out int high) || declared.Any(p => p >= low && p <= high))
            {
                continue;
            }
            var at = context.Input.PortItems.Where(i => i.Include.Trim() == number.Trim()).Select(i => i.Location).LastOrDefault();
            string fix = modern
                ? $"<ContainerEnvironmentVariable Include=\"ASPNETCORE_HTTP_PORTS\" Value=\"{number}\" />"
                : $"<ContainerEnvironmentVariable Include=\"ASPNETCORE_URLS\" Value=\"http://+:{number}\" />";
            context.Report(DiagnosticCatalog.SdkContainer.ExposePortMismatch, at, number, listed, why, fix);
        }
    }

    private static (List<int> Ports, string Why) Listening(RuleContext context, Stage final, DotNetImage? image, bool modern)
    {
        var urlsArgument = UrlsArgument(final);
        if (urlsArgument is not null)
        {
            return (UrlPorts(urlsArgument), "--urls " + urlsArgument);
        }
        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS" })
        {
            var urls = final.EnvAtEnd(name);
            if (!string.IsNullOrWhiteSpace(urls))
            {
                return (UrlPorts(urls!), $"{name}={urls}");
            }
        }
        if (modern)
        {
            var http = final.EnvAtEnd("ASPNETCORE_HTTP_PORTS");
            var https = final.EnvAtEnd("ASPNETCORE_HTTPS_PORTS");
            if (http is not null || https is not null)
            {
                var ports = new List<int>();
                var why = new List<string>();
                if (http is not null)
                {
                    ports.AddRange(PortList(http));
                    why.Add("ASPNETCORE_HTTP_PORTS=" + http);
                }
                else if (image is not null)
                {
                    ports.Add(8080);
                    why.Add("ASPNETCORE_HTTP_PORTS=8080 from the image");
                }
                if (https is not null)
                {
                    ports.AddRange(PortList(https));
                    why.Add("ASPNETCORE_HTTPS_PORTS=" + https);
                }
                return (ports.Distinct().ToList(), string.Join(", ", why));
            }
        }
        if (image?.Version is { } v)
        {
            return v.Major >= 8
                ? (new List<int> { 8080 }, "ASPNETCORE_HTTP_PORTS=8080, set by the .NET 8+ images")
                : (new List<int> { 80 }, $"ASPNETCORE_URLS=http://+:80, set by the .NET {v.Major}.{v.Minor} images");
        }
        return (new List<int>(), "");
    }

    /// <summary>True when nothing in the image fixes where HTTPS listens: no --urls, no ASPNETCORE_URLS/DOTNET_URLS, no ASPNETCORE_HTTPS_PORTS.</summary>
    private static bool HttpsLeftToRunTime(Stage final) =>
        UrlsArgument(final) is null && string.IsNullOrWhiteSpace(final.EnvAtEnd("ASPNETCORE_URLS")) && string.IsNullOrWhiteSpace(final.EnvAtEnd("DOTNET_URLS"))
        && final.EnvAtEnd("ASPNETCORE_HTTPS_PORTS") is null;

    /// <summary>The value of <c>--urls</c> on the command the final image runs, or null.</summary>
    private static string? UrlsArgument(Stage final)
    {
        var chain = final.Chain.SelectMany(s => s.Instructions).ToList();
        int entrypoint = chain.FindLastIndex(i => i.Kind == InstructionKind.Entrypoint);
        int cmd = chain.FindLastIndex(i => i.Kind == InstructionKind.Cmd);
        var words = new List<string>();
        if (entrypoint >= 0) words.AddRange(Words(chain[entrypoint].Syntax));
        if (cmd > entrypoint) words.AddRange(Words(chain[cmd].Syntax));
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] == "--urls" && i + 1 < words.Count) return words[i + 1];
            if (words[i].StartsWith("--urls=", StringComparison.Ordinal)) return words[i].Substring(7);
        }
        return null;
    }

    private static IEnumerable<string> Words(InstructionSyntax syntax) =>
        syntax.IsJsonForm
            ? syntax.Arguments.Select(a => a.Value)
            : ShellScript.Parse(syntax.ArgumentText.Value).Commands.SelectMany(c => c.Words.Select(w => w.Value));

    private static IEnumerable<int> PortsOf(string name, string value) => name switch
    {
        "ASPNETCORE_URLS" or "DOTNET_URLS" => UrlPorts(value),
        "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS" => PortList(value),
        _ => Array.Empty<int>(),
    };

    private static List<int> PortList(string value) =>
        value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(ParsePort).Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();

    /// <summary>Ports of <c>http://+:5000;https://[::]:5001;http://localhost</c> (80/443 when a URL has none).</summary>
    internal static List<int> UrlPorts(string urls)
    {
        var ports = new List<int>();
        foreach (var raw in urls.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string url = raw.Trim();
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            bool https = scheme > 0 && url.Substring(0, scheme).Equals("https", StringComparison.OrdinalIgnoreCase);
            string rest = scheme >= 0 ? url.Substring(scheme + 3) : url;
            int path = rest.IndexOf('/');
            if (path >= 0) rest = rest.Substring(0, path);
            int bracket = rest.LastIndexOf(']');
            int colon = rest.LastIndexOf(':');
            int? port = colon > bracket ? ParsePort(rest.Substring(colon + 1)) : https ? 443 : 80;
            if (port is not null && !ports.Contains(port.Value)) ports.Add(port.Value);
        }
        return ports;
    }

    private static int? ParsePort(string text)
    {
        string t = text.Trim();
        int slash = t.IndexOf('/');
        if (slash >= 0) t = t.Substring(0, slash);
        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p) && p > 0 && p <= 65535 ? p : null;
    }

    private static bool TryRange(string text, out int low, out int high)
    {
        low = high = 0;
        int dash = text.IndexOf('-');
        if (dash < 0)
        {
            if (ParsePort(text) is not { } p)
            {
                return false;
            }
            low = high = p;
            return true;
        }
        if (ParsePort(text.Substring(0, dash)) is { } a && ParsePort(text.Substring(dash + 1)) is { } b)
        {
            low = a;
            high = b;
            return true;
        }
        return false;
    }
}
