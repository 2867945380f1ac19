using ContainerOpt.Dockerfile.Expansion;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// Finds heredoc openers in an instruction line as BuildKit does: lex the line into words keeping
/// quotes, escapes and unset variables, then match each word against <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c>.
/// Whether the body expands is decided by lexing the terminator with and without raw quotes:
/// if any quote was removed, part of it was quoted.
/// </summary>
public static class HeredocWords
{
    /// <summary>Only asks <see cref="ShellLex.IsPlainWord"/>, which reads no setting that changes: one for every thread.</summary>
    private static readonly ShellLex PlainWords = new('\\');

    public static List<HeredocSyntax> FromLine(string line, out string? error)
    {
        error = null;
        var lex = new ShellLex('\\') { RawQuotes = true, RawEscapes = true, SkipUnsetEnv = true };
        var words = lex.ProcessWords(line, DictionaryVariableLookup.Empty).Words;
        var result = new List<HeredocSyntax>();
        foreach (var word in words)
        {
            var heredoc = Parse(word, out error);
            if (error is not null)
            {
                return new List<HeredocSyntax>();
            }
            if (heredoc is not null)
            {
                result.Add(heredoc);
            }
        }
        return result;
    }

    /// <summary>Parses one word such as <c>&lt;&lt;-'EOF'</c>; null when it is not a heredoc opener.</summary>
    public static HeredocSyntax? Parse(string word, out string? error)
    {
        error = null;
        // BuildKit's opener pattern ^(\d*)<<(-?)\s*([^<]*)$ (\s as Go's: [\t\n\f\r ]), by hand: it cannot backtrack
        // into another match (a '<' in the rest fails every split of it).
        int p = 0;
        while (p < word.Length && word[p] >= '0' && word[p] <= '9') p++;
        int digits = p;
        if (p + 1 >= word.Length || word[p] != '<' || word[p + 1] != '<')
        {
            return null;
        }
        p += 2;
        bool chomp = p < word.Length && word[p] == '-';
        if (chomp) p++;
        while (p < word.Length && (word[p] is ' ' or '\t' or '\n' or '\f' or '\r')) p++;
        if (word.IndexOf('<', p) >= 0)
        {
            return null;
        }
        string rest = word.Substring(p);
        int.TryParse(word.Substring(0, digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int fd);
        if (rest.Length == 0)
        {
            return null;
        }
        if (PlainWords.IsPlainWord(rest))
        {
            // A terminator with nothing to unquote, expand or split (EOF) is its own one word, and quotes none.
            return new HeredocSyntax(rest, expand: true, chomp, fd);
        }
        var lex = new ShellLex('\\') { SkipUnsetEnv = true };
        var plain = lex.ProcessWords(rest, DictionaryVariableLookup.Empty);
        if (!plain.Success)
        {
            error = $"Invalid heredoc terminator '{rest}': {plain.Error}";
            return null;
        }
        if (plain.Words.Count != 1)
        {
            return null;
        }
        lex.RawQuotes = true;
        var raw = lex.ProcessWords(rest, DictionaryVariableLookup.Empty);
        if (!raw.Success || raw.Words.Count != 1)
        {
            error = $"Invalid heredoc terminator '{rest}'.";
            return null;
        }
        string name = plain.Words[0];
        bool expand = CountQuotes(name) == CountQuotes(raw.Words[0]);
        return new HeredocSyntax(name, expand, chomp, fd);
    }

    private static int CountQuotes(string s)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (c == '\'' || c == '"') n++;
        }
        return n;
    }
}
