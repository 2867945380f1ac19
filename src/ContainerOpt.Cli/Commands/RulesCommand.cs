using System.CommandLine;
using System.Text.Json;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Cli.Output;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt rules [--format text|json]</c>: every diagnostic with its descriptor, and whether <c>containeropt fix</c> fixes it.</summary>
internal static class RulesCommand
{
    public const string Description = "List every rule: code, name, default severity, title, and the hadolint and BuildKit names it answers to.";

    private static readonly string[] Formats = { "text", "json" };

    public static Command Create(CliHost host)
    {
        var format = CliOptions.Choice("--format", Formats, "text", "text: one line a rule; json: every rule with its category, help link and whether it is on by default.", "-f");
        var command = new Command("rules", Description) { format };
        command.SetAction(result => Run(CliOptions.Canonical(Formats, result.GetValue(format)) ?? "text", host.Stdout));
        return command;
    }

    private static int Run(string format, TextWriter stdout)
    {
        var descriptors = DiagnosticCatalog.All;
        if (format == "json")
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
            {
                json.WriteStartArray();
                foreach (var d in descriptors)
                {
                    json.WriteStartObject();
                    json.WriteString("code", d.Id);
                    json.WriteString("name", d.Name);
                    json.WriteString("title", d.Title);
                    json.WriteString("defaultSeverity", d.DefaultSeverity.ToText());
                    json.WriteString("category", d.Category);
                    json.WriteStartArray("equivalents");
                    foreach (var e in d.Equivalents) json.WriteStringValue(e);
                    json.WriteEndArray();
                    json.WriteString("helpUri", d.HelpUri);
                    json.WriteBoolean("enabledByDefault", d.EnabledByDefault);
                    json.WriteBoolean("fixable", DiagnosticCatalog.IsFixable(d));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Success;
        }
        foreach (var d in descriptors)
        {
            string equivalents = d.Equivalents.Count == 0 ? "" : " [" + string.Join(", ", d.Equivalents) + "]";
            string off = d.EnabledByDefault ? "" : " (off by default)";
            string fixable = DiagnosticCatalog.IsFixable(d) ? " (fixable)" : "";
            stdout.WriteLine($"{d.Id} {d.Name,-40} {d.DefaultSeverity.ToText(),-8} {d.Title}{equivalents}{off}{fixable}");
        }
        return ExitCodes.Success;
    }
}
