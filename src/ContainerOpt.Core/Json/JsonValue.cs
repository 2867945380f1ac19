using System.Globalization;

namespace ContainerOpt.Core.Json;

/// <summary>The kinds of JSON value.</summary>
public enum JsonKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// An immutable JSON value (RFC 8259) read by <see cref="JsonReader"/>. Accessors are forgiving
/// (a missing member or a wrong kind gives null) because image metadata is full of optional fields.
/// </summary>
public sealed class JsonValue
{
    public static readonly JsonValue Null = new(JsonKind.Null, null, null, null);
    public static readonly JsonValue True = new(JsonKind.True, null, null, null);
    public static readonly JsonValue False = new(JsonKind.False, null, null, null);

    private static readonly IReadOnlyList<JsonValue> NoItems = System.Array.Empty<JsonValue>();
    private static readonly IReadOnlyList<KeyValuePair<string, JsonValue>> NoMembers = System.Array.Empty<KeyValuePair<string, JsonValue>>();

    private readonly string? _text;
    private readonly IReadOnlyList<JsonValue>? _items;
    private readonly IReadOnlyList<KeyValuePair<string, JsonValue>>? _members;

    private JsonValue(JsonKind kind, string? text, IReadOnlyList<JsonValue>? items, IReadOnlyList<KeyValuePair<string, JsonValue>>? members)
    {
        Kind = kind;
        _text = text;
        _items = items;
        _members = members;
    }

    public JsonKind Kind { get; }

    public static JsonValue String(string value) => new(JsonKind.String, value ?? throw new ArgumentNullException(nameof(value)), null, null);

    /// <summary>A number kept as its source text, so 64-bit sizes lose no precision.</summary>
    public static JsonValue Number(string literal) => new(JsonKind.Number, literal, null, null);

    public static JsonValue Array(IReadOnlyList<JsonValue> items) => new(JsonKind.Array, null, items, null);

    /// <summary>Members in source order; a repeated name keeps every occurrence, lookups take the last (as Go does).</summary>
    public static JsonValue Object(IReadOnlyList<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, null, null, members);

    /// <summary>The string's value, or null for any other kind.</summary>
    public string? AsString => Kind == JsonKind.String ? _text : null;

    /// <summary>The number's source text, or null.</summary>
    public string? NumberText => Kind == JsonKind.Number ? _text : null;

    public bool IsTrue => Kind == JsonKind.True;

    public IReadOnlyList<JsonValue> Items => _items ?? NoItems;

    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members => _members ?? NoMembers;

    /// <summary>The member's value (the last one of that name), or null when absent or not an object.</summary>
    public JsonValue? this[string name]
    {
        get
        {
            if (_members is null) return null;
            for (int i = _members.Count - 1; i >= 0; i--)
            {
                if (string.Equals(_members[i].Key, name, StringComparison.Ordinal)) return _members[i].Value;
            }
            return null;
        }
    }

    /// <summary>An integral number that fits a long, or null.</summary>
    public long? AsInt64 =>
        Kind == JsonKind.Number && long.TryParse(_text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;

    public double? AsDouble =>
        Kind == JsonKind.Number && double.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    public override string ToString() => Kind switch
    {
        JsonKind.String => _text!,
        JsonKind.Number => _text!,
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
