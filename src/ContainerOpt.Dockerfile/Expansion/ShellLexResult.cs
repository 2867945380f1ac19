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
        Words = words;
        Matched = matched;
        Unmatched = unmatched;
        Error = error;
    }

    private static readonly ShellWordResult EmptyWord = new ShellWordResult(string.Empty, NoStrings, NoStrings, NoStrings, null);

    /// <summary>The result of a word with nothing to expand, unquote or split: itself, one word (none when empty).</summary>
    internal static ShellWordResult Plain(string word) =>
        word.Length == 0 ? EmptyWord : new ShellWordResult(word, new[] { word }, NoStrings, NoStrings, null);

    internal static ShellWordResult Failure(string error, IReadOnlyCollection<string> matched, IReadOnlyCollection<string> unmatched) =>
        new ShellWordResult(string.Empty, NoStrings, matched, unmatched, error);

    /// <summary>The expanded word, with whitespace kept ("" on error).</summary>
    public string Result { get; }

    /// <summary>The expanded word split into words the way BuildKit's <c>ProcessWords</c> does (empty on error).</summary>
    public IReadOnlyList<string> Words { get; }

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
