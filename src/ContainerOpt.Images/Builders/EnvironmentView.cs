namespace ContainerOpt.Images.Builders;

/// <summary>This process's environment with overrides on top (a null override removes a variable).</summary>
internal sealed class EnvironmentView
{
    private readonly IReadOnlyDictionary<string, string?> _overrides;

    public EnvironmentView(IReadOnlyDictionary<string, string?>? overrides)
    {
        _overrides = overrides ?? new Dictionary<string, string?>();
    }

    public IReadOnlyDictionary<string, string?> Overrides => _overrides;

    public string? Get(string name)
    {
        if (_overrides.TryGetValue(name, out string? value)) return value;
        return System.Environment.GetEnvironmentVariable(name);
    }

    public string? GetNonEmpty(string name)
    {
        string? value = Get(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
