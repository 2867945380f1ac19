using System.Text;
using ContainerOpt.Core.Json;

namespace ContainerOpt.Images.Registry;

/// <summary>The distribution spec's error body: <c>{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}</c>.</summary>
internal static class RegistryErrors
{
    /// <summary>The error codes of a body (empty when it is not an error document).</summary>
    public static IReadOnlyList<string> Codes(byte[] body) =>
        Parse(body)?.Select(e => e["code"]?.AsString).OfType<string>().ToArray() ?? Array.Empty<string>();

    /// <summary>"CODE: message" for each error, or a short note when the body says nothing usable.</summary>
    public static string Describe(byte[] body)
    {
        var errors = Parse(body);
        if (errors is null || errors.Count == 0) return "it gave no details";
        var text = new StringBuilder();
        foreach (JsonValue error in errors.Take(3))
        {
            if (text.Length > 0) text.Append("; ");
            text.Append(error["code"]?.AsString ?? "ERROR");
            if (error["message"]?.AsString is { Length: > 0 } message) text.Append(": ").Append(message.Length > 200 ? message.Substring(0, 200) + "…" : message);
        }
        return text.ToString();
    }

    private static IReadOnlyList<JsonValue>? Parse(byte[] body)
    {
        if (body.Length == 0) return null;
        try
        {
            return JsonReader.Parse(body)["errors"]?.Items;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
