namespace ContainerOpt.Dockerfile.Expansion;

/// <summary>
/// The variables a <see cref="ShellLex"/> expands from. A name the lookup does not know is
/// "unset" (BuildKit distinguishes unset from set-but-empty: <c>${x-d}</c> versus <c>${x:-d}</c>).
/// </summary>
public interface IVariableLookup
{
    /// <summary>Finds the value of <paramref name="name"/>; false when the variable is unset.</summary>
    bool TryGetValue(string name, out string value);
}

/// <summary>
/// An <see cref="IVariableLookup"/> over a dictionary. Names are compared ordinally and
/// case-sensitively (BuildKit's Unix behaviour), whatever comparer the given dictionary uses.
/// </summary>
public sealed class DictionaryVariableLookup : IVariableLookup
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Copies <paramref name="values"/>; a null value is taken as the empty string.</summary>
    public DictionaryVariableLookup(IReadOnlyDictionary<string, string> values)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values is null) return;
        foreach (var pair in values)
        {
            if (pair.Key is null) continue;
            _values[pair.Key] = pair.Value ?? string.Empty;
        }
    }

    /// <summary>A lookup in which every variable is unset.</summary>
    public static DictionaryVariableLookup Empty { get; } = new DictionaryVariableLookup(new Dictionary<string, string>());

    /// <inheritdoc />
    public bool TryGetValue(string name, out string value)
    {
        if (name is not null && _values.TryGetValue(name, out var found))
        {
            value = found;
            return true;
        }
        value = string.Empty;
        return false;
    }
}
