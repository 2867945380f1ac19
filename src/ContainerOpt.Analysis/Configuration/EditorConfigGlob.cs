using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// The glob of an .editorconfig section (<c>[*.cs]</c>, <c>[**/Dockerfile]</c>, <c>[src/{Api,Worker}/Dockerfile]</c>) as
/// the .NET compiler matches it, so one file configures C# and Dockerfiles alike: <c>*</c> any text without <c>/</c>,
/// <c>**</c> any text, <c>?</c> any one character, <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> one character of (not of) a
/// set, <c>{a,b}</c> one of several globs (nested), <c>{n1..n2}</c> an integer between n1 and n2, <c>\</c> escapes the next
/// character. Matched, case-sensitively, against the file's path relative to the .editorconfig's folder with a
/// leading <c>/</c> (<c>/src/Api/Dockerfile</c>): a glob without <c>/</c> matches the file name in that folder or any folder
/// below; one with <c>/</c> is anchored at the .editorconfig's folder (<c>**/</c> then needs at least one folder: it does not
/// match a file in the .editorconfig's own folder). Where the compiler departs from the EditorConfig specification
/// (<c>?</c> and <c>[!…]</c> also match <c>/</c>), this follows the compiler: the same file must mean the same for both.
/// </summary>
public sealed class EditorConfigGlob
{
    private readonly Regex _regex;
    private readonly (int Min, int Max)[] _ranges;

    private EditorConfigGlob(Regex regex, (int Min, int Max)[] ranges)
    {
        _regex = regex;
        _ranges = ranges;
    }

    /// <summary>The glob of a section name, or null when the name is not a valid glob (such a section matches no file).</summary>
    public static EditorConfigGlob? TryCreate(string sectionName)
    {
        if (string.IsNullOrEmpty(sectionName))
        {
            return null;
        }
        var pattern = new StringBuilder("^");
        // As EditorConfig's reference implementation anchors it: no '/', any folder below; a leading '/', the folder itself.
        if (sectionName.IndexOf('/') < 0)
        {
            pattern.Append(".*/");
        }
        else if (sectionName[0] != '/')
        {
            pattern.Append('/');
        }
        var ranges = new List<(int, int)>();
        var lexer = new Lexer(sectionName);
        if (!CompileList(ref lexer, pattern, inChoice: false, ranges))
        {
            return null;
        }
        pattern.Append('$');
        try
        {
            return new EditorConfigGlob(new Regex(pattern.ToString(), RegexOptions.CultureInvariant), ranges.ToArray());
        }
        catch (ArgumentException)
        {
            // A character set the regular expression cannot hold ("[]"): not a glob.
            return null;
        }
    }

    /// <summary>True when the glob matches <paramref name="relativePath"/>: '/'-separated, starting with '/'.</summary>
    public bool IsMatch(string relativePath)
    {
        if (_ranges.Length == 0)
        {
            return _regex.IsMatch(relativePath);
        }
        var match = _regex.Match(relativePath);
        if (!match.Success)
        {
            return false;
        }
        for (int i = 0; i < _ranges.Length; i++)
        {
            if (!int.TryParse(match.Groups[i + 1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
                || number < _ranges[i].Min || number > _ranges[i].Max)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when a global AnalyzerConfig section name is an absolute path with no glob in it (<c>/src/Api/Dockerfile</c>;
    /// on Windows also <c>C:/src/Api/Dockerfile</c>): only such sections apply in a global file.
    /// </summary>
    public static bool IsAbsolutePath(string sectionName)
    {
        var lexer = new Lexer(sectionName);
        bool sawRoot = false;
        int index = 0;
        bool windows = Path.DirectorySeparatorChar == '\\';
        while (!lexer.Done)
        {
            if (lexer.Next() != Token.Character)
            {
                return false;
            }
            char c = lexer.Take();
            if (index == 0)
            {
                if (c == '/')
                {
                    sawRoot = true;
                }
                else if (!windows)
                {
                    return false;
                }
            }
            else if (!sawRoot && windows)
            {
                if (index == 1 && c != ':')
                {
                    return false;
                }
                if (index == 2)
                {
                    if (c != '/')
                    {
                        return false;
                    }
                    sawRoot = true;
                }
            }
            index++;
        }
        return sawRoot;
    }

    /// <summary>A section name with its escapes removed (<c>/a\[b\]</c> is the path <c>/a[b]</c>).</summary>
    public static string Unescape(string sectionName)
    {
        var text = new StringBuilder(sectionName.Length);
        var lexer = new Lexer(sectionName);
        while (!lexer.Done)
        {
            if (lexer.Next() == Token.Character)
            {
                text.Append(lexer.Take());
            }
            else
            {
                // What Next() stepped over (a '*', a '{', …) is kept as it is.
                text.Append(sectionName, lexer.TokenStart, lexer.Position - lexer.TokenStart);
            }
        }
        return text.ToString();
    }

    private static bool CompileList(ref Lexer lexer, StringBuilder pattern, bool inChoice, List<(int, int)> ranges)
    {
        while (!lexer.Done)
        {
            switch (lexer.Next())
            {
                case Token.Bad:
                    return false;
                case Token.Character:
                    pattern.Append(Regex.Escape(lexer.Take().ToString()));
                    break;
                case Token.Question:
                    pattern.Append('.');
                    break;
                case Token.Star:
                    pattern.Append("[^/]*");
                    break;
                case Token.StarStar:
                    pattern.Append(".*");
                    break;
                case Token.OpenCurly:
                    lexer.Position--;
                    if (TryNumberRange(ref lexer) is { } range)
                    {
                        if (!int.TryParse(range.Start, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int start)
                            || !int.TryParse(range.End, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int end))
                        {
                            return false;
                        }
                        ranges.Add(start < end ? (start, end) : (end, start));
                        pattern.Append("(-?[0-9]+)");
                    }
                    else if (!CompileChoice(ref lexer, pattern, ranges))
                    {
                        return false;
                    }
                    break;
                case Token.CloseCurly:
                case Token.Comma:
                    // The end of one glob of a choice; anywhere else a syntax error.
                    return inChoice;
                case Token.OpenBracket:
                    pattern.Append('[');
                    if (!CompileSet(ref lexer, pattern))
                    {
                        return false;
                    }
                    break;
            }
        }
        // A choice must end with its '}'.
        return !inChoice;
    }

    /// <summary>A character set <c>[...]</c>, from just after its '['.</summary>
    private static bool CompileSet(ref Lexer lexer, StringBuilder pattern)
    {
        if (!lexer.Done && lexer.Current == '!')
        {
            pattern.Append('^');
            lexer.Position++;
        }
        while (!lexer.Done)
        {
            char c = lexer.Take();
            switch (c)
            {
                case '-':
                    pattern.Append('-');
                    break;
                case '\\':
                    if (lexer.Done)
                    {
                        return false;
                    }
                    pattern.Append('\\').Append(lexer.Take());
                    break;
                case ']':
                    pattern.Append(']');
                    return true;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return false;
    }

    /// <summary>A choice <c>{a,b,…}</c> as a group of alternatives.</summary>
    private static bool CompileChoice(ref Lexer lexer, StringBuilder pattern, List<(int, int)> ranges)
    {
        if (lexer.Next() != Token.OpenCurly)
        {
            return false;
        }
        pattern.Append("(?:");
        while (CompileList(ref lexer, pattern, inChoice: true, ranges))
        {
            char last = lexer[lexer.Position - 1];
            if (last == ',')
            {
                pattern.Append('|');
            }
            else
            {
                pattern.Append(')');
                return true;
            }
        }
        return false;
    }

    /// <summary>A range <c>{n1..n2}</c>, or null (the lexer back where it was) when the braces hold something else.</summary>
    private static (string Start, string End)? TryNumberRange(ref Lexer lexer)
    {
        int saved = lexer.Position;
        if (lexer.Next() == Token.OpenCurly && lexer.Number() is { } start
            && !lexer.Done && lexer.Take() == '.' && !lexer.Done && lexer.Take() == '.'
            && lexer.Number() is { } end && !lexer.Done && lexer.Next() == Token.CloseCurly)
        {
            return (start, end);
        }
        lexer.Position = saved;
        return null;
    }

    private enum Token
    {
        Bad,
        Character,
        Star,
        StarStar,
        Question,
        OpenCurly,
        CloseCurly,
        Comma,
        OpenBracket,
    }

    private struct Lexer
    {
        private readonly string _text;

        public Lexer(string text)
        {
            _text = text;
            Position = 0;
            TokenStart = 0;
        }

        public int Position { get; set; }

        /// <summary>Where the token <see cref="Next"/> read last began.</summary>
        public int TokenStart { get; private set; }

        public bool Done => Position >= _text.Length;

        public char Current => _text[Position];

        public char this[int index] => _text[index];

        /// <summary>
        /// The next token. A plain character is not consumed (<see cref="Take"/> does); an escaped one is stepped to
        /// past its backslash; a trailing backslash is <see cref="Token.Bad"/>.
        /// </summary>
        public Token Next()
        {
            TokenStart = Position;
            switch (_text[Position])
            {
                case '*':
                    if (Position + 1 < _text.Length && _text[Position + 1] == '*')
                    {
                        Position += 2;
                        return Token.StarStar;
                    }
                    Position++;
                    return Token.Star;
                case '?':
                    Position++;
                    return Token.Question;
                case '{':
                    Position++;
                    return Token.OpenCurly;
                case ',':
                    Position++;
                    return Token.Comma;
                case '}':
                    Position++;
                    return Token.CloseCurly;
                case '[':
                    Position++;
                    return Token.OpenBracket;
                case '\\':
                    Position++;
                    return Done ? Token.Bad : Token.Character;
                default:
                    return Token.Character;
            }
        }

        public char Take() => _text[Position++];

        /// <summary>An integer (an optional '-' and digits) at the position, or null.</summary>
        public string? Number()
        {
            int start = Position;
            if (!Done && _text[Position] == '-')
            {
                Position++;
            }
            while (!Done && _text[Position] >= '0' && _text[Position] <= '9')
            {
                Position++;
            }
            string number = _text.Substring(start, Position - start);
            return number.Length == 0 || number == "-" ? null : number;
        }
    }
}
