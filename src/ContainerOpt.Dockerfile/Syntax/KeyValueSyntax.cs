namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>One ENV or LABEL pair. <see cref="IsLegacyForm"/> marks <c>ENV KEY value</c> (no '=').</summary>
public sealed class KeyValueSyntax
{
    public KeyValueSyntax(SyntaxToken key, SyntaxToken value, bool isLegacyForm)
    {
        Key = key;
        Value = value;
        IsLegacyForm = isLegacyForm;
    }

    /// <summary>The key as written (quotes kept, as BuildKit's parser keeps them).</summary>
    public SyntaxToken Key { get; }

    /// <summary>The value as written (quotes and escapes kept; expansion happens later).</summary>
    public SyntaxToken Value { get; }

    public bool IsLegacyForm { get; }

    /// <summary>BuildKit's separator in its AST dump: "=" or "" for the legacy form.</summary>
    public string Separator => IsLegacyForm ? "" : "=";
}
