using System.Diagnostics;
using System.Text;
using ContainerOpt.Dockerfile.Expansion;

namespace ContainerOpt.Dockerfile.Tests.Expansion;

/// <summary>Focused tests of <see cref="ShellLex"/>; the expectations are BuildKit's behaviour.</summary>
[TestClass]
public sealed class ShellLexTests
{
    private static IVariableLookup Env(params (string Name, string Value)[] vars) =>
        new DictionaryVariableLookup(vars.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    private static string Expand(string word, IVariableLookup env, ShellLex? lex = null)
    {
        var result = (lex ?? new ShellLex()).ProcessWord(word, env);
        Assert.IsTrue(result.Success, $"{word}: {result.Error}");
        return result.Result;
    }

    private static string ExpandError(string word, IVariableLookup env, ShellLex? lex = null)
    {
        var result = (lex ?? new ShellLex()).ProcessWord(word, env);
        Assert.IsFalse(result.Success, $"{word} should fail but gave \"{result.Result}\"");
        Assert.AreEqual("", result.Result);
        Assert.AreEqual(0, result.Words.Count);
        return result.Error!;
    }

    private static string[] Words(string word, IVariableLookup env, ShellLex? lex = null)
    {
        var result = (lex ?? new ShellLex()).ProcessWords(word, env);
        Assert.IsTrue(result.Success, $"{word}: {result.Error}");
        return result.Words.ToArray();
    }

    // ---- plain references ------------------------------------------------------------------

    [TestMethod]
    public void Plain_and_braced_references()
    {
        var env = Env(("A", "1"), ("B_2", "two"), ("한", "k"));
        Assert.AreEqual("1-two-k", Expand("$A-${B_2}-$한", env));
        Assert.AreEqual("x", Expand("x$NOPE${NOPE}", env));
        Assert.AreEqual("$", Expand("$", env));
        Assert.AreEqual("$.", Expand("$.", env));
        Assert.AreEqual("a", Expand("$1a", env), "positional names are the digits only");
        Assert.AreEqual("@@", Expand("$@@@", env), "a special parameter is one character");
    }

    [TestMethod]
    public void Names_are_case_sensitive()
    {
        Assert.AreEqual("he.", Expand("he$pwd.", Env(("PWD", "/home"))));
    }

    [TestMethod]
    public void Braced_syntax_errors()
    {
        var env = Env();
        StringAssert.EndsWith(ExpandError("${}", env), "syntax error: bad substitution");
        StringAssert.EndsWith(ExpandError("${:-x}", env), "syntax error: bad substitution");
        StringAssert.EndsWith(ExpandError("${{a}", env), "syntax error: bad substitution");
        StringAssert.EndsWith(ExpandError("${", env), "syntax error: missing '}'");
        StringAssert.EndsWith(ExpandError("${a:-b", env), "syntax error: missing '}'");
        StringAssert.EndsWith(ExpandError("he${PWD", env), "unsupported modifier (\uFFFD) in substitution");
        StringAssert.EndsWith(ExpandError("${a.}", env), "unsupported modifier (.) in substitution");
        StringAssert.EndsWith(ExpandError("${a:=b}", env), "unsupported modifier (:=) in substitution");
    }

    [TestMethod]
    public void Error_message_quotes_the_source_like_go()
    {
        Assert.AreEqual("failed to process \"\\\"abc\": unexpected end of statement while looking for matching double-quote",
            ExpandError("\"abc", Env()));
        Assert.AreEqual("failed to process \"'a\\tb\\n\": unexpected end of statement while looking for matching single-quote",
            ExpandError("'a\tb\n", Env()));
    }

    // ---- default, alternative, required ----------------------------------------------------

    [TestMethod]
    public void Default_value_forms()
    {
        var env = Env(("SET", "v"), ("EMPTY", ""));
        Assert.AreEqual("v|d|d", Expand("${SET:-d}|${EMPTY:-d}|${UNSET:-d}", env));
        Assert.AreEqual("v||d", Expand("${SET-d}|${EMPTY-d}|${UNSET-d}", env));
        Assert.AreEqual("v", Expand("${UNSET:-${UNSET2:-$SET}}", env), "defaults nest and expand");
        Assert.AreEqual("$SET:", Expand("${UNSET:-\\$SET:}", env));
    }

    [TestMethod]
    public void Alternative_value_forms()
    {
        var env = Env(("SET", "v"), ("EMPTY", ""));
        Assert.AreEqual("a||", Expand("${SET:+a}|${EMPTY:+a}|${UNSET:+a}", env));
        Assert.AreEqual("a|a|", Expand("${SET+a}|${EMPTY+a}|${UNSET+a}", env));
    }

    [TestMethod]
    public void Required_value_forms()
    {
        var env = Env(("SET", "v"), ("EMPTY", ""), ("ARG", "x"));
        Assert.AreEqual("v", Expand("${SET:?msg}", env));
        Assert.AreEqual("", Expand("${EMPTY?msg}", env));
        Assert.AreEqual("failed to process \"${UNSET?}\": UNSET: is not allowed to be unset", ExpandError("${UNSET?}", env));
        Assert.AreEqual("failed to process \"${EMPTY:?}\": EMPTY: is not allowed to be empty", ExpandError("${EMPTY:?}", env));
        StringAssert.EndsWith(ExpandError("${EMPTY:?message here$ARG}", env), "EMPTY: message herex");
        StringAssert.EndsWith(ExpandError("${UNSET:?message}", env), "UNSET: message");
    }

    // ---- patterns ----------------------------------------------------------------------------

    [TestMethod]
    public void Prefix_removal_shortest_and_longest()
    {
        var env = Env(("V", "xxyy"), ("P", "x"), ("PATH_", "/usr/local/bin"));
        Assert.AreEqual("xyy", Expand("${V#x}", env));
        Assert.AreEqual("xyy", Expand("${V#$P}", env), "the pattern is expanded first");
        Assert.AreEqual("y", Expand("${V#*x*y}", env));
        Assert.AreEqual("xxyy", Expand("${V#*}", env), "a lone lazy star matches nothing");
        Assert.AreEqual("yy", Expand("${V##*x}", env));
        Assert.AreEqual("xxyy", Expand("${V#}", env));
        Assert.AreEqual("xxyy", Expand("${V#z}", env), "no match leaves the value");
        Assert.AreEqual("usr/local/bin", Expand("${PATH_#/}", env));
        Assert.AreEqual("bin", Expand("${PATH_##*/}", env));
        Assert.AreEqual("?y", Expand("${V#?\\?}", Env(("V", "???y"))));
    }

    [TestMethod]
    public void Suffix_removal_shortest_and_longest()
    {
        var env = Env(("V", "xxyy"), ("F", "archive.tar.gz"));
        Assert.AreEqual("xxy", Expand("${V%y}", env));
        Assert.AreEqual("archive.tar", Expand("${F%.*}", env));
        Assert.AreEqual("archive", Expand("${F%%.*}", env));
        Assert.AreEqual("xx", Expand("${V%%\\**}", Env(("V", "xx**"))));
        Assert.AreEqual("a", Expand("${V%%\\**\\*}", Env(("V", "a***yy*"))));
        Assert.AreEqual(".xxyy.", Expand("${ABC:-.}${V%x}${ABC:-.}", env));
    }

    [TestMethod]
    public void Regex_characters_in_patterns_are_literal()
    {
        var env = Env(("V", "()[]{}^$.*?|\\x"));
        Assert.AreEqual("x", Expand("${V#()[]{\\}^$.\\*\\?|\\\\}", env));
        Assert.AreEqual("x.b[a]yb", Expand("${W//[a]/x}${W/./y}", Env(("W", "[a].b"))));
    }

    [TestMethod]
    public void Pattern_wildcards_do_not_cross_newlines()
    {
        var env = Env(("V", "ab\ncab"));
        Assert.AreEqual("cab|ab|b\ncab|ab\nc", Expand("${V#*\n}|${V%\n*}|${V##*a}|${V%%a*}", env));
        Assert.AreEqual("x\nx", Expand("${W//*/x}", Env(("W", "ab\ncd"))));
    }

    [TestMethod]
    public void Question_mark_matches_one_code_point()
    {
        Assert.AreEqual("x😀|😀x", Expand("${V#?}|${V%?}", Env(("V", "😀x😀"))));
    }

    [TestMethod]
    public void Pattern_escape_errors()
    {
        var env = Env(("V", "xy"), ("P", "\\"));
        Assert.AreEqual("failed to process \"${V#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'",
            ExpandError("${V#\\x}", env));
        StringAssert.EndsWith(ExpandError("${V#$P}", env), "invalid escape '\\\uFFFD'");
        StringAssert.EndsWith(ExpandError("${V:#x}", env), "unsupported modifier (:#) in substitution");
        StringAssert.EndsWith(ExpandError("${V:%x}", env), "unsupported modifier (:%) in substitution");
    }

    [TestMethod]
    public void Replace_first_and_all()
    {
        var env = Env(("FOO", "/foo*/*/*.txt"), ("NEEDLE", "\\*/"));
        Assert.AreEqual("/foo.*/*.txt - /foo..*.txt", Expand("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", env));
        var tmp = Env(("FOO", "/tmp/tmp/bar.txt"), ("NEEDLE", "/tmp"));
        Assert.AreEqual("/tmp/bar.txt - /bar.txt", Expand("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", tmp));
        var url = Env(("U", "http://google.de"), ("N", "http://"), ("R", "https://"));
        Assert.AreEqual("https://google.de", Expand("${U/$N/$R}", url));
        Assert.AreEqual("\\/tmp\\/foo.txt", Expand("${V//\\//\\/}", Env(("V", "/tmp/foo.txt"))), "the replacement keeps its escapes");
        Assert.AreEqual("wwxxyy", Expand("${V/$E/ww}", Env(("V", "xxyy"), ("E", ""))), "an empty pattern matches at the start");
        Assert.AreEqual("xxyy", Expand("${V///}", Env(("V", "xxyy"))));
        Assert.AreEqual("<a<b<", Expand("${V///<}", Env(("V", "ab"))), "an empty pattern replaces everywhere");
        StringAssert.EndsWith(ExpandError("${V//}", Env(("V", "x"))), "syntax error: missing '/' in ${}");
        StringAssert.EndsWith(ExpandError("${V/a/b", Env(("V", "x"))), "syntax error: missing '}'");
    }

    [TestMethod]
    public void Replace_all_uses_a_go_regexp_template()
    {
        var env = Env(("V", "banana"));
        // ReplaceAllString expands $0 (the match) and $$; the single replacement does not.
        Assert.AreEqual("b\\an\\an\\a", Expand("${V//a/\\$0}", env));
        Assert.AreEqual("b\\$0nana", Expand("${V/a/\\$0}", env));
        Assert.AreEqual("b{a}n{a}n{a}", Expand("${V//a/$R}", Env(("V", "banana"), ("R", "{${0}}"))));
        Assert.AreEqual("b$n$n$", Expand("${V//a/$R}", Env(("V", "banana"), ("R", "$$"))));
        Assert.AreEqual("bnn", Expand("${V//a/$R}", Env(("V", "banana"), ("R", "$x1"))));
        Assert.AreEqual("b$n$n$", Expand("${V//a/$R}", Env(("V", "banana"), ("R", "$"))));
    }

    // ---- quoting and escapes ---------------------------------------------------------------

    [TestMethod]
    public void Quotes_and_escapes()
    {
        var env = Env(("PWD", "/home"));
        Assert.AreEqual("hello", Expand("he'll'o", env));
        Assert.AreEqual("he'llo", Expand("he\\'llo", env));
        Assert.AreEqual("abc\\tdef", Expand("\"abc\\tdef\"", env), "an escape before an ordinary character stays in double quotes");
        Assert.AreEqual("abctdef", Expand("abc\\tdef", env));
        Assert.AreEqual("he'/home'", Expand("\"he'$PWD'\"", env));
        Assert.AreEqual("$PWD", Expand("'$PWD'", env));
        Assert.AreEqual("he\\/home", Expand("he\\\\$PWD", env));
        Assert.AreEqual("hello", Expand("hello\\", env), "a trailing escape is dropped");
        Assert.AreEqual("1", Expand("\uFEFF$A", Env(("A", "1"))), "a leading byte order mark is skipped, as Go's scanner does");
    }

    [TestMethod]
    public void RawQuotes_keeps_quotes()
    {
        var lex = new ShellLex { RawQuotes = true };
        Assert.AreEqual("a'b'\"c\"", Expand("a'b'\"c\"", Env(), lex));
        Assert.AreEqual("\"v\"", Expand("\"$A\"", Env(("A", "v")), lex));
    }

    [TestMethod]
    public void RawEscapes_keeps_escapes()
    {
        var lex = new ShellLex { RawEscapes = true };
        Assert.AreEqual("a\\ b\\$c", Expand("a\\ b\\$c", Env(), lex));
        Assert.AreEqual("hello\\", Expand("hello\\", Env(), lex));
        // In double quotes BuildKit writes the escape and then, before an ordinary character, the escape again.
        Assert.AreEqual("ab\\\\tc\\$d\\\"e", Expand("a\"b\\tc\\$d\\\"e\"", Env(), lex));
        // The words of ${v:-...} are processed without raw escapes whatever the setting.
        Assert.AreEqual("ab", Expand("${U:-a\\b}", Env(), lex));
    }

    [TestMethod]
    public void SkipUnsetEnv_leaves_unset_references_as_written()
    {
        var lex = new ShellLex { SkipUnsetEnv = true };
        var env = Env(("S", "s"), ("E", ""));
        Assert.AreEqual("$U ${U} ${U:-d} ${U#p} ${U/a/b} ${U/a/b} s ", Expand("$U ${U} ${U:-d} ${U#p} ${U/a/b} ${U//a/b} $S $E", env, lex));
        Assert.AreEqual("${U:Y}", Expand("${U:Y}", env, lex), "BuildKit checks the modifier only for set variables");
    }

    [TestMethod]
    public void SkipProcessQuotes_treats_quotes_as_text()
    {
        var lex = new ShellLex { SkipProcessQuotes = true };
        CollectionAssert.AreEqual(new[] { "'a", "b'", "\"c", "v\"" }, Words("'a b' \"c $A\"", Env(("A", "v")), lex));
    }

    [TestMethod]
    public void Backtick_escape_token()
    {
        var lex = new ShellLex('`');
        Assert.AreEqual('`', lex.EscapeToken);
        var env = Env(("b", "B"));
        Assert.AreEqual("a$b ` c\\d \"", Expand("a`$b `` c\\d \"`\"\"", env, lex));
        Assert.AreEqual("C:\\path\\B", Expand("C:\\path\\$b", env, lex), "backslash is literal");
        Assert.AreEqual("x`y", Expand("\"x`y\"", env, lex), "the escape stays before an ordinary character in double quotes");
        // Patterns always escape with a backslash.
        Assert.AreEqual("*b", Expand("${V#\\*}", Env(("V", "**b")), lex));
    }

    // ---- words -----------------------------------------------------------------------------

    [TestMethod]
    [DataRow("abc/def:1.2-x_y", '\\', false, true)]
    [DataRow("", '\\', false, true)]
    [DataRow("a$b", '\\', false, false)]
    [DataRow("a<b", '\\', false, false)]
    [DataRow("a\\b", '\\', false, false)]
    [DataRow("a\\b", '`', false, true)]
    [DataRow("a`b", '`', false, false)]
    [DataRow("a`b", '\\', false, true)]
    [DataRow("a'b", '\\', false, false)]
    [DataRow("a\"b", '`', false, false)]
    [DataRow("a'b", '\\', true, true)]
    [DataRow("a\"b", '`', true, true)]
    [DataRow("a b", '\\', false, false)]
    [DataRow("a\tb", '`', false, false)]
    [DataRow("a\u00A0b", '\\', false, false)]
    [DataRow("a\u3000b", '`', true, false)]
    [DataRow("caf\u00E9\u0001\u007F", '\\', false, true)]
    [DataRow("a\uD83D\uDE00", '\\', false, false)]
    [DataRow("\uFEFFa", '\\', false, false)]
    [DataRow("a~b", '~', false, false)]
    [DataRow("a\\b'", '~', true, true)]
    [DataRow("a$b", '~', true, false)]
    public void A_plain_word_has_no_special_character_for_the_lexer_settings(string word, char escape, bool skipQuotes, bool plain)
    {
        var lex = new ShellLex(escape) { SkipProcessQuotes = skipQuotes };
        Assert.AreEqual(plain, lex.IsPlainWord(word));
        if (plain)
        {
            Assert.AreEqual(word, lex.ProcessWord(word, Env()).Result, "a plain word expands to itself");
        }
    }

    [TestMethod]
    public void A_processed_word_gives_the_words_of_process_words_when_asked()
    {
        // ProcessWord does not collect words while expanding; its result splits the word again, with the settings the
        // lexer had then (a later change of them does not count) and the same variables.
        var env = Env(("SPACE", "abc  def"));
        var lex = new ShellLex { RawQuotes = true };
        var expanded = lex.ProcessWord("hello \"${SPACE}\"bye x${SPACE}", env);
        lex.RawQuotes = false;
        CollectionAssert.AreEqual(new[] { "hello", "\"abc  def\"bye", "xabc", "def" }, expanded.Words.ToArray());
        Assert.AreEqual("hello \"abc  def\"bye xabc  def", expanded.Result);
        CollectionAssert.AreEqual(new[] { "plain" }, new ShellLex().ProcessWord("plain", env).Words.ToArray());
        Assert.AreEqual(0, new ShellLex().ProcessWord("", env).Words.Count);
    }

    [TestMethod]
    public void Words_split_on_unquoted_whitespace_only()
    {
        var env = Env(("SPACE", "abc  def"), ("LEAD", "  ab c"));
        CollectionAssert.AreEqual(new[] { "helloabc", "defbye" }, Words("hello${SPACE}bye", env));
        CollectionAssert.AreEqual(new[] { "hello", "abc  defbye" }, Words("hello \"${SPACE}\"bye", env));
        CollectionAssert.AreEqual(new[] { "hello", "ab", "c" }, Words("hello${LEAD}", env));
        CollectionAssert.AreEqual(new[] { "hello there" }, Words("hello\\ there", env));
        CollectionAssert.AreEqual(new[] { "x", "y" }, Words("x\"\" \"\" '' y", env), "empty quotes make no word");
        CollectionAssert.AreEqual(new[] { "ab", "cd" }, Words("a${V:-b c}d", env), "a default value splits too");
        CollectionAssert.AreEqual(new[] { "a", "b" }, Words("a\u00a0b", env), "whitespace is Unicode White_Space");
        CollectionAssert.AreEqual(Array.Empty<string>(), Words("", env));
    }

    // ---- matched / unmatched ---------------------------------------------------------------

    [TestMethod]
    public void Matched_and_unmatched_are_distinct_in_first_seen_order()
    {
        var env = Env(("FOO", "xxx"), ("BAR", ""));
        var result = new ShellLex().ProcessWord("${BAZ:-a} $FOO ${BAR:-b} ${BAZ} ${QUX+c} $FOO $1 ${@}", env);
        Assert.IsTrue(result.Success);
        Assert.AreEqual("a xxx b   xxx  ", result.Result);
        CollectionAssert.AreEqual(new[] { "FOO", "BAR" }, result.Matched.ToArray());
        // BuildKit counts every form that reads a variable, defaults included.
        CollectionAssert.AreEqual(new[] { "BAZ", "QUX", "1", "@" }, result.Unmatched.ToArray());
    }

    [TestMethod]
    public void Matches_are_reported_for_words_and_on_error()
    {
        var words = new ShellLex().ProcessWords("$A $B", Env(("A", "1")));
        CollectionAssert.AreEqual(new[] { "A" }, words.Matched.ToArray());
        CollectionAssert.AreEqual(new[] { "B" }, words.Unmatched.ToArray());

        var failed = new ShellLex().ProcessWord("${A:?need $B}", Env(("B", "x")));
        Assert.IsFalse(failed.Success);
        CollectionAssert.AreEqual(new[] { "B" }, failed.Matched.ToArray());
        CollectionAssert.AreEqual(new[] { "A" }, failed.Unmatched.ToArray());
    }

    [TestMethod]
    public void Dictionary_lookup_is_ordinal_even_over_a_case_insensitive_dictionary()
    {
        var source = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Path"] = "p" };
        var lookup = new DictionaryVariableLookup(source);
        Assert.IsTrue(lookup.TryGetValue("Path", out var value));
        Assert.AreEqual("p", value);
        Assert.IsFalse(lookup.TryGetValue("PATH", out _));
        Assert.IsFalse(DictionaryVariableLookup.Empty.TryGetValue("Path", out _));
    }

    // ---- robustness ------------------------------------------------------------------------

    [TestMethod]
    public void Random_garbage_never_throws()
    {
        var random = new Random(12345);
        string[] atoms =
        {
            "$", "${", "}", "{", ":", "-", "+", "?", "#", "%", "/", "\\", "'", "\"", "`", "*", "[", " ", "\n",
            "a", "A", "_", "1", "@", "한", "😀", "\uD800", "\uDC00", "\uFEFF", "\0", "${A:-", "${A//", "${A%%", "${A#",
        };
        var env = Env(("A", "a*b\n?c"), ("B", "$0\\"), ("E", ""));
        for (int i = 0; i < 20000; i++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 24);
            for (int k = 0; k < length; k++) sb.Append(atoms[random.Next(atoms.Length)]);
            var lex = new ShellLex(random.Next(4) == 0 ? '`' : '\\')
            {
                RawQuotes = random.Next(4) == 0,
                RawEscapes = random.Next(4) == 0,
                SkipUnsetEnv = random.Next(4) == 0,
                SkipProcessQuotes = random.Next(4) == 0,
            };
            var result = lex.ProcessWords(sb.ToString(), env);
            Assert.IsNotNull(result.Result);
            Assert.AreEqual(result.Error is null, result.Success);
        }
    }

    [TestMethod]
    public void Null_arguments_do_not_throw()
    {
        var result = new ShellLex().ProcessWord(null!, null!);
        Assert.IsTrue(result.Success);
        Assert.AreEqual("", result.Result);
    }

    [TestMethod]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var word = string.Concat(Enumerable.Repeat("${A:-", 100_000)) + "x" + new string('}', 100_000);
        var result = new ShellLex().ProcessWord(word, Env());
        Assert.IsFalse(result.Success);
        StringAssert.Contains(result.Error, "nested");

        var shallow = string.Concat(Enumerable.Repeat("${A:-", 100)) + "x" + new string('}', 100);
        Assert.AreEqual("x", Expand(shallow, Env()));
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void A_one_megabyte_word_is_processed_in_linear_time()
    {
        var env = Env(("A", "value"), ("B", "x y"));
        const string unit = "a$A \"${B}\" '${C:-d}' ${C:-e} \\$ ";
        var word = new StringBuilder();
        while (word.Length < 1_000_000) word.Append(unit);
        var text = word.ToString();

        var lex = new ShellLex();
        lex.ProcessWords("warm up $A", env);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var result = lex.ProcessWords(text, env);
        watch.Stop();
        Assert.IsTrue(result.Success, result.Error);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void Patterns_over_a_one_megabyte_value_run_in_linear_time()
    {
        var value = new string('a', 1_000_000) + "b";
        var env = Env(("V", value));
        var lex = new ShellLex();
        lex.ProcessWord("${A##*a}", env);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var result = lex.ProcessWord("${V##*a}|${V%%a*}|${V#*a*a*b}|${V//a/c}", env);
        watch.Stop();
        Assert.IsTrue(result.Success, result.Error);
        Assert.AreEqual("b||" + "|" + new string('c', 1_000_000) + "b", result.Result);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
