using ContainerOpt.Core.Text;

namespace ContainerOpt.Analysis.Tests.Text;

[TestClass]
public sealed class AsciiTextTests
{
    [TestMethod]
    [DataRow("DB_PASSWORD", 11, "password", true)]
    [DataRow("db_PassWord_file", 16, "password", true)]
    [DataRow("DB_PASSWORD", 8, "password", false)] // only the first 8 characters count
    [DataRow("AUTH", 4, "auth", true)]
    [DataRow("AUT", 3, "auth", false)]
    [DataRow("PASSWOR", 7, "password", false)]
    [DataRow("x_TOKEN=abc", 7, "token", true)]
    [DataRow("tok_en", 6, "token", false)]
    [DataRow("_[`@{", 5, "@", true)] // characters next to the letters are not folded
    [DataRow("_[`@{", 5, "`", true)]
    [DataRow("@", 1, "`", false)]
    public void Finds_a_lower_case_word_in_any_case(string text, int length, string word, bool expected) =>
        Assert.AreEqual(expected, AsciiText.ContainsIgnoringCase(text, length, word));

    [TestMethod]
    public void Agrees_with_ordinal_ignore_case_on_random_ascii()
    {
        var random = new Random(12);
        const string alphabet = "aAbBkKsSeEtT_-=09@[`{~";
        string[] words = { "a", "ab", "key", "secret", "token", "ses", "_k", "t_" };
        for (int n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 12)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            string text = new(chars);
            int length = random.Next(0, text.Length + 1);
            foreach (var word in words)
            {
                bool expected = text.Substring(0, length).IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
                Assert.AreEqual(expected, AsciiText.ContainsIgnoringCase(text, length, word), $"'{text}'[..{length}] and '{word}'");
            }
        }
    }

    [TestMethod]
    [DataRow("DB_PASSWORD", 3, 8, "password", true)]
    [DataRow("DB_PassWord_x", 3, 8, "password", true)]
    [DataRow("DB_PASSWORD", 3, 7, "password", false)] // the length must be the word's
    [DataRow("DB_PASSWORX", 3, 8, "password", false)]
    [DataRow("KEY", 0, 3, "key", true)]
    [DataRow("[EY", 0, 3, "{ey", false)] // characters next to the letters are not folded
    [DataRow("", 0, 0, "", true)]
    public void Compares_a_range_with_a_lower_case_word_in_any_case(string text, int start, int length, string word, bool expected) =>
        Assert.AreEqual(expected, AsciiText.EqualsIgnoringCase(text, start, length, word));

    [TestMethod]
    public void A_word_set_contains_a_range_as_ordinal_ignore_case_compares_it()
    {
        var set = new AsciiWordSet(new[] { "key", "auth", "token", "secret", "passwd", "apikey", "github_token" });
        Assert.IsTrue(set.Contains("X_GitHub_Token", 2, 12));
        Assert.IsTrue(set.Contains("MY_KEY", 3, 3));
        Assert.IsFalse(set.Contains("MY_KEY", 2, 4)); // "_KEY"
        Assert.IsFalse(set.Contains("MY_KEYS", 3, 4));
        Assert.IsFalse(set.Contains("A_VERY_LONG_NAME_INDEED", 0, 23)); // longer than every word
        Assert.IsFalse(set.Contains("x", 1, 0)); // no word is empty
        var random = new Random(7);
        const string alphabet = "aAkKeEyYtToOnNsScC_-[{";
        string[] words = { "key", "auth", "token", "secret", "passwd", "apikey", "github_token" };
        for (int n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 10)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            string text = new(chars);
            int start = random.Next(0, text.Length + 1), length = random.Next(0, text.Length - start + 1);
            bool expected = words.Any(w => w.Length == length && string.Compare(text, start, w, 0, length, StringComparison.OrdinalIgnoreCase) == 0);
            Assert.AreEqual(expected, set.Contains(text, start, length), $"'{text}'[{start}..+{length}]");
        }
    }

    [TestMethod]
    public void Tells_ascii_from_other_text()
    {
        Assert.IsTrue(AsciiText.IsAscii("API_KEY\u007f", 8));
        Assert.IsFalse(AsciiText.IsAscii("API_KEY\u0130", 8));
        Assert.IsTrue(AsciiText.IsAscii("API_KEY\u0130", 7));
    }
}
