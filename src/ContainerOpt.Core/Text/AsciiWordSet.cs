namespace ContainerOpt.Core.Text;

/// <summary>
/// A fixed set of lower-case ASCII words, searched for in ASCII names without case in one pass: the secret checks ask every
/// ARG and ENV name whether it holds one of a list of words, and a search per word (or a walk of a hash set) costs several
/// times more. Words are kept by their first letter, so most characters of a name are passed over after one lookup.
/// </summary>
public sealed class AsciiWordSet
{
    private readonly string[]?[] _byFirstLetter = new string[]?[128];
    private readonly string[]?[] _byLength;

    /// <param name="lowerCaseWords">Non-empty words of lower-case ASCII letters, digits and punctuation.</param>
    public AsciiWordSet(IEnumerable<string> lowerCaseWords)
    {
        foreach (string word in lowerCaseWords)
        {
            ref var words = ref _byFirstLetter[word[0]];
            words = words is null ? new[] { word } : words.Append(word).ToArray();
        }
        _byLength = new string[]?[_byFirstLetter.Max(w => w?.Max(x => x.Length) ?? 0) + 1];
        foreach (var words in _byFirstLetter)
        {
            foreach (string word in words ?? Array.Empty<string>())
            {
                ref var sameLength = ref _byLength[word.Length];
                sameLength = sameLength is null ? new[] { word } : sameLength.Append(word).ToArray();
            }
        }
    }

    /// <summary>
    /// True when the <paramref name="length"/> characters of the ASCII <paramref name="text"/> from <paramref name="start"/> are
    /// one of the words in any case: what comparing them with each word with OrdinalIgnoreCase says on ASCII text. Only the
    /// words of that length are compared.
    /// </summary>
    public bool Contains(string text, int start, int length)
    {
        if (length >= _byLength.Length || _byLength[length] is not { } words)
        {
            return false;
        }
        foreach (string word in words)
        {
            if (AsciiText.EqualsIgnoringCase(text, start, length, word))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when the first <paramref name="length"/> characters of the ASCII <paramref name="text"/> contain one of the
    /// words in any case: what <c>IndexOf(word, StringComparison.OrdinalIgnoreCase)</c> says for each word on ASCII text.
    /// </summary>
    public bool AnyIn(string text, int length)
    {
        for (int i = 0; i < length; i++)
        {
            char c = ToLower(text[i]);
            if (c >= 128 || _byFirstLetter[c] is not { } words)
            {
                continue;
            }
            foreach (string word in words)
            {
                if (length - i >= word.Length && MatchesAt(text, i, word))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool MatchesAt(string text, int start, string word)
    {
        for (int j = 1; j < word.Length; j++)
        {
            if (ToLower(text[start + j]) != word[j])
            {
                return false;
            }
        }
        return true;
    }

    private static char ToLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
