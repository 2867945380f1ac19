namespace ContainerOpt.Core.Text;

/// <summary>
/// Case-insensitive search in ASCII text, for the hot checks that ask every ARG and ENV name for a list of words.
/// <c>IndexOf(word, StringComparison.OrdinalIgnoreCase)</c> gives the same answer on ASCII text but goes through the
/// invariant casing tables each time (about 700 instructions a call: a tenth of a lint's work on names alone);
/// <c>System.Text.Ascii</c> is not in netstandard2.0.
/// </summary>
public static class AsciiText
{
    /// <summary>True when every character of the first <paramref name="length"/> of <paramref name="text"/> is ASCII.</summary>
    public static bool IsAscii(string text, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when the first <paramref name="length"/> characters of the ASCII <paramref name="text"/> contain
    /// <paramref name="lowerCaseWord"/> (lower-case ASCII) in any case: what OrdinalIgnoreCase's IndexOf says for them.
    /// </summary>
    public static bool ContainsIgnoringCase(string text, int length, string lowerCaseWord)
    {
        int last = length - lowerCaseWord.Length;
        char first = lowerCaseWord[0];
        for (int i = 0; i <= last; i++)
        {
            if (ToLower(text[i]) != first)
            {
                continue;
            }
            int j = 1;
            while (j < lowerCaseWord.Length && ToLower(text[i + j]) == lowerCaseWord[j])
            {
                j++;
            }
            if (j == lowerCaseWord.Length)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when the <paramref name="length"/> characters of the ASCII <paramref name="text"/> from <paramref name="start"/> are
    /// <paramref name="lowerCaseWord"/> (lower-case ASCII) in any case: what OrdinalIgnoreCase's Compare says for them.
    /// </summary>
    public static bool EqualsIgnoringCase(string text, int start, int length, string lowerCaseWord)
    {
        if (length != lowerCaseWord.Length)
        {
            return false;
        }
        for (int j = 0; j < length; j++)
        {
            if (ToLower(text[start + j]) != lowerCaseWord[j])
            {
                return false;
            }
        }
        return true;
    }

    private static char ToLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
