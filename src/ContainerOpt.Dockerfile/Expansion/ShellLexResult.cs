namespace ContainerOpt.Dockerfile.Expansion;

/// <summary>
/// The outcome of <see cref="ShellLex.ProcessWord"/> or <see cref="ShellLex.ProcessWords"/>:
/// BuildKit's <c>ProcessWordResult</c> plus its error, as a value.
/// </summary>
public sealed class ShellWordResult
{
    private static readonly string[] NoStrings = Array.Empty<string>();

    internal ShellWordResult(string result, IReadOnlyList<string> words, IReadOnlyCollection<string> matched, IReadOnlyCollection<string> unmatched, string? error)
    {
        Result = result;
        _words = words;
        Matched = matched;
        Unmatched = unmatched;
        Error = error;
    }

    private ShellWordResult(string result, IReadOnlyCollection<string> matched, IReadOnlyCollection<string> unmatched, int lexSettings, string source, IVariableLookup env)
    {
        Result = result;
        Matched = matched;
        Unmatched = unmatched;
        _lexSettings = lexSettings;
        _source = source;
        _env = env;
    }

    /// <summary>
    /// A successful expansion whose words were not collected (<see cref="ShellLex.ProcessWord"/>: its callers read the
    /// result): <see cref="Words"/> splits the word again, with the same lexer settings and variables, if ever asked.
    /// </summary>
    internal static ShellWordResult Unsplit(string result, IReadOnlyCollection<string> matched, IReadOnlyCollection<string> unmatched, int lexSettings, string source, IVariableLookup env) =>
        new(result, matched, unmatched, lexSettings, source, env);

    private IReadOnlyList<string>? _words;
    private readonly int _lexSettings;
    private readonly string? _source;
    private readonly IVariableLookup? _env;

    private static readonly ShellWordResult EmptyWord = new ShellWordResult(string.Empty, NoStrings, NoStrings, NoStrings, null);

    /// <summary>The result of a word with nothing to expand, unquote or split: itself, one word (none when empty).</summary>
    internal static ShellWordResult Plain(string word) =>
        word.Length == 0 ? EmptyWord : new ShellWordResult(word, null!, NoStrings, NoStrings, null); // its one word made when asked for

    internal static ShellWordResult Failure(string error, IReadOnlyCollection<string> matched, IReadOnlyCollection<string> unmatched) =>
        new ShellWordResult(string.Empty, NoStrings, matched, unmatched, error);

    /// <summary>The expanded word, with whitespace kept ("" on error).</summary>
    public string Result { get; }

    /// <summary>The expanded word split into words the way BuildKit's <c>ProcessWords</c> does (empty on error).</summary>
    public IReadOnlyList<string> Words => _words ??= SplitAgain();

    private IReadOnlyList<string> SplitAgain() => _source is null
        ? new[] { Result } // a plain word (not empty): itself
        : ShellLex.FromPackedSettings(_lexSettings).ProcessWords(_source, _env!).Words;

    /// <summary>Distinct names of the variables looked up and found, in first-seen order.</summary>
    public IReadOnlyCollection<string> Matched { get; }

    /// <summary>
    /// Distinct names of the variables looked up and not set, in first-seen order: BuildKit's
    /// "unmatched" set. Like BuildKit, this counts every form that reads the variable, including
    /// <c>${x:-default}</c>, <c>${x-default}</c>, <c>${x:+alt}</c>, <c>${x?msg}</c>, the pattern
    /// forms and the positional and special parameters (<c>$1</c>, <c>$@</c>...).
    /// Names read before an error are kept.
    /// </summary>
    public IReadOnlyCollection<string> Unmatched { get; }

    /// <summary>Null on success; otherwise a message like BuildKit's (<c>failed to process "…": …</c>).</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Error"/> is null.</summary>
    public bool Success => Error is null;
}
