namespace ContainerOpt.Dockerfile.Text;

/// <summary>
/// <c>ToLowerInvariant</c> for the names and references of every FROM (stage names, registries, repositories) and
/// <c>ToUpperInvariant</c> for HEALTHCHECK's type, with
/// ASCII decided here: <c>TextInfo.ToLower</c> costs hundreds of instructions a call even for text it leaves as it is.
/// Text beyond ASCII goes to <c>ToLowerInvariant</c> itself, so the answers are always its answers.
/// </summary>
public static class InvariantCase
{
    /// <summary><c>text.ToLowerInvariant()</c>: <paramref name="text"/> itself when it holds no upper-case letter.</summary>
    public static string ToLower(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= 0x80 || (c >= 'A' && c <= 'Z'))
            {
                return text.ToLowerInvariant();
            }
        }
        return text;
    }

    /// <summary>
    /// True when <paramref name="text"/> equals its <c>ToUpperInvariant</c> (<paramref name="upperCase"/>) or
    /// <c>ToLowerInvariant</c> form, without making that form for ASCII text (the casing rules ask it of every keyword and
    /// stage name).
    /// </summary>
    public static bool IsCased(string text, bool upperCase) => IsCased(text, 0, text.Length, upperCase);

    /// <summary>As <see cref="IsCased(string, bool)"/> for <paramref name="text"/>'s characters [start, start+length), without a copy of ASCII ones.</summary>
    public static bool IsCased(string text, int start, int length, bool upperCase)
    {
        for (int i = start; i < start + length; i++)
        {
            char c = text[i];
            if (c >= 0x80)
            {
                string range = text.Substring(start, length);
                return string.Equals(upperCase ? range.ToUpperInvariant() : range.ToLowerInvariant(), range, StringComparison.Ordinal);
            }
            if (upperCase ? c is >= 'a' and <= 'z' : c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when <c>text.ToLowerInvariant() == lower</c>, without lowering a copy of an ASCII text.</summary>
    public static bool LowersTo(string text, string lower) => CasesTo(text, lower, upperCase: false);

    /// <summary>True when <c>text.ToUpperInvariant() == upper</c>, without upper-casing a copy of an ASCII text.</summary>
    public static bool UppersTo(string text, string upper) => CasesTo(text, upper, upperCase: true);

    private static bool CasesTo(string text, string cased, bool upperCase)
    {
        // Casing keeps the length (one character for one).
        if (text.Length != cased.Length)
        {
            return false;
        }
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= 0x80)
            {
                return string.Equals(upperCase ? text.ToUpperInvariant() : text.ToLowerInvariant(), cased, StringComparison.Ordinal);
            }
            if (upperCase ? c is >= 'a' and <= 'z' : c is >= 'A' and <= 'Z')
            {
                c = (char)(c ^ 0x20);
            }
            if (c != cased[i])
            {
                return false;
            }
        }
        return true;
    }
}
