using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContainerOpt.Cli.Output;

/// <summary>The writer options of every JSON the CLI writes (lint, rules, SARIF, the syntax tree).</summary>
internal static class CliJson
{
    /// <summary>
    /// Indented, and text as it is: only what JSON itself requires is escaped (quotes, backslashes, control
    /// characters), so a message's apostrophes stay <c>'</c> rather than <c>\u0027</c>, and non-ASCII text stays
    /// readable. The output is a file or a pipe, never HTML, so the HTML-safe default escaping buys nothing.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
