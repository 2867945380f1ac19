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
        Value = value;
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
    public string? Value { get; }
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
    internal static IReadOnlyList<LabelPair> Collect(DockerfileFacts facts)
    {
        var pairs = new List<LabelPair>();
        char escape = facts.Syntax.EscapeToken;
        var keyLex = new ShellLex(escape) { SkipUnsetEnv = true };
        var valueLex = new ShellLex(escape);
        foreach (var instruction in facts.Instructions)
        {
            var syntax = instruction.Syntax;
            bool onbuild = syntax.Kind == InstructionKind.Onbuild;
            var label = syntax.Effective;
            if (label.Kind != InstructionKind.Label)
            {
                continue;
            }
            foreach (var pair in label.KeyValues)
            {
                string key = Unquote(keyLex, pair.Key.Value);
                string? value = null;
                string written = pair.Value.Value;
                if (valueLex.IsPlainWord(written))
                {
                    value = written; // most values: no quote, escape or variable, so the word is its own expansion
                }
                else if (SimplyQuoted(written, escape) is { } inner)
                {
                    value = inner; // "a text" or 'a text': the text between the quotes, nothing to expand
                }
                else
                {
                    // ONBUILD runs in another build, with variables this file cannot know.
                    var expanded = valueLex.ProcessWord(written, onbuild ? (IVariableLookup)DictionaryVariableLookup.Empty : instruction.Scope);
                    if (expanded.Success && expanded.Unmatched.Count == 0 && (!onbuild || expanded.Matched.Count == 0))
                    {
                        value = expanded.Result;
                    }
                }
                pairs.Add(new LabelPair(instruction, pair, key, value));
            }
        }
        return pairs;
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
