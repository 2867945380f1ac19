using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>One <c>key=value</c> of a LABEL (or ONBUILD LABEL), with the key and value as the image gets them.</summary>
public sealed class LabelPair
{
    public LabelPair(StageInstruction instruction, KeyValueSyntax syntax, string key, string? value)
    {
        Instruction = instruction;
        Syntax = syntax;
        Key = key;
        _value = value;
        _valueRead = true;
    }

    /// <summary>A pair whose value is expanded when first read: only the label schema's rules read values, and most runs have no schema.</summary>
    internal LabelPair(StageInstruction instruction, KeyValueSyntax syntax, string key, char escape)
    {
        Instruction = instruction;
        Syntax = syntax;
        Key = key;
        _escape = escape;
    }

    /// <summary>The LABEL, or the ONBUILD that wraps it.</summary>
    public StageInstruction Instruction { get; }

    public KeyValueSyntax Syntax { get; }

    /// <summary>The key with quotes and escapes removed; variables are left as written (hadolint checks the key as written).</summary>
    public string Key { get; }

    /// <summary>
    /// The value with quotes removed and variables expanded, or null when it uses a variable whose
    /// value is unknown here (an ARG without default, anything in ONBUILD): its format cannot be checked.
    /// </summary>
    public string? Value
    {
        get
        {
            if (!_valueRead)
            {
                _value = LabelPairs.ValueOf(Instruction, Syntax, _escape);
                _valueRead = true;
            }
            return _value;
        }
    }

    private readonly char _escape;
    private string? _value;
    private bool _valueRead;
}

/// <summary>What the label rules (COPT2048–COPT2058, hadolint DL3048–DL3058) share: the pairs and the schema.</summary>
public static class LabelPairs
{
    /// <summary>Schema types (hadolint's label-schema values).</summary>
    public const string Text = "text";
    public const string Url = "url";
    public const string Rfc3339 = "rfc3339";
    public const string Spdx = "spdx";
    public const string Hash = "hash";
    public const string SemVer = "semver";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> SchemaTypes = new[] { Text, Url, Rfc3339, Spdx, Hash, SemVer, Email };

    /// <summary>Every LABEL pair in file order, ONBUILD LABEL included (hadolint checks those too).</summary>
    /// <remarks>Each value is expanded when first read (<see cref="LabelPair.Value"/>); the keys, which every run checks, now.</remarks>
    internal static IReadOnlyList<LabelPair> Collect(DockerfileFacts facts)
    {
        var pairs = new List<LabelPair>();
        char escape = facts.Syntax.EscapeToken;
        ShellLex? keyLex = null; // made at the first LABEL: most files have none or one
        foreach (var instruction in facts.Instructions)
        {
            var label = instruction.Syntax.Effective;
            if (label.Kind != InstructionKind.Label)
            {
                continue;
            }
            keyLex ??= new ShellLex(escape) { SkipUnsetEnv = true };
            foreach (var pair in label.KeyValues)
            {
                pairs.Add(new LabelPair(instruction, pair, Unquote(keyLex, pair.Key.Value), escape));
            }
        }
        return pairs;
    }

    /// <summary>The value of a LABEL pair as the image gets it, or null when it reads a variable whose value is unknown here.</summary>
    internal static string? ValueOf(StageInstruction instruction, KeyValueSyntax pair, char escape)
    {
        string written = pair.Value.Value;
        var valueLex = new ShellLex(escape);
        if (valueLex.IsPlainWord(written))
        {
            return written; // most values: no quote, escape or variable, so the word is its own expansion
        }
        if (SimplyQuoted(written, escape) is { } inner)
        {
            return inner; // "a text" or 'a text': the text between the quotes, nothing to expand
        }
        // ONBUILD runs in another build, with variables this file cannot know.
        bool onbuild = instruction.Syntax.Kind == InstructionKind.Onbuild;
        var expanded = valueLex.ProcessWord(written, onbuild ? (IVariableLookup)DictionaryVariableLookup.Empty : instruction.Scope);
        return expanded.Success && expanded.Unmatched.Count == 0 && (!onbuild || expanded.Matched.Count == 0) ? expanded.Result : null;
    }

    /// <summary>The pairs of one label the schema gives the type <paramref name="type"/>, each with its schema name.</summary>
    public static IEnumerable<LabelPair> OfType(DockerfileFacts facts, string type)
    {
        var schema = facts.Options.LabelSchema;
        if (schema.Count == 0 || !schema.Values.Any(v => IsType(v, type)))
        {
            yield break;
        }
        foreach (var pair in facts.Labels)
        {
            if (schema.TryGetValue(pair.Key, out var t) && IsType(t, type))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Schema type names compare case-insensitively; an empty type means text (as in hadolint).</summary>
    public static bool IsType(string? schemaType, string type)
    {
        string t = (schemaType ?? "").Trim();
        return t.Length == 0 ? type == Text : string.Equals(t, type, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsKnownType(string? schemaType) => SchemaTypes.Any(t => IsType(schemaType, t));

    private static string Unquote(ShellLex lex, string word)
    {
        if (lex.IsPlainWord(word))
        {
            return word;
        }
        if (SimplyQuoted(word, lex.EscapeToken) is { } inner)
        {
            return inner;
        }
        var result = lex.ProcessWord(word, DictionaryVariableLookup.Empty);
        return result.Success ? result.Result : word;
    }

    /// <summary>
    /// The text between the quotes of a word that is one pair of quotes around text with no quote of that kind, no variable,
    /// no escape character and no surrogate in it, or null: what <see cref="ShellLex.ProcessWord"/> gives such a word (the
    /// text as it stands, with nothing read as a variable), without running the expander (most quoted labels are so).
    /// </summary>
    private static string? SimplyQuoted(string word, char escape)
    {
        if (word.Length < 2 || word[0] is not ('"' or '\'') || word[word.Length - 1] != word[0])
        {
            return null;
        }
        char quote = word[0];
        for (int i = 1; i < word.Length - 1; i++)
        {
            char c = word[i];
            if (c == quote || c == '$' || c == escape || char.IsSurrogate(c))
            {
                return null;
            }
        }
        return word.Substring(1, word.Length - 2);
    }

    /// <summary>Shortens a value for a message.</summary>
    public static string Shorten(string value) => value.Length <= 80 ? value : value.Substring(0, 77) + "...";
}
