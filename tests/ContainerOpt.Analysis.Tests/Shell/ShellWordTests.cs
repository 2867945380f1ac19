using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Tests.Shell;

/// <summary>A word keeps its raw text only when it differs from its value, and packs its flags beside its end offset.</summary>
[TestClass]
public sealed class ShellWordTests
{
    [TestMethod]
    public void Every_word_keeps_value_raw_offsets_and_flags()
    {
        var words = ShellScript.Parse("echo plain \"dq $HOME\" 'sq' a\\ b $x \"q\"").Commands[0].Words;
        var seen = words.Select(w => $"{w.Value}|{w.Raw}|{w.Start}-{w.End}|{(w.HasExpansion ? "x" : "-")}{(w.IsQuoted ? "q" : "-")}").ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "echo|echo|0-4|--",
            "plain|plain|5-10|--",
            "dq $HOME|\"dq $HOME\"|11-21|xq",
            "sq|'sq'|22-26|-q",
            "a b|a\\ b|27-31|--",
            "$x|$x|32-34|x-",
            "q|\"q\"|35-38|-q",
        }, seen);
    }

    [TestMethod]
    public void Flags_do_not_disturb_large_offsets()
    {
        var word = ShellWord.Of("v", "'v'", (1 << 30) - 5, (1 << 30) - 1, hasExpansion: true, isQuoted: true);
        Assert.AreEqual((1 << 30) - 5, word.Start);
        Assert.AreEqual((1 << 30) - 1, word.End);
        Assert.IsTrue(word.HasExpansion);
        Assert.IsTrue(word.IsQuoted);
        Assert.AreEqual("'v'", word.Raw);
        var plain = ShellWord.Of("v", "v", 3, 4, hasExpansion: false, isQuoted: false);
        Assert.AreEqual("v|v|3-4|False|False", $"{plain.Value}|{plain.Raw}|{plain.Start}-{plain.End}|{plain.HasExpansion}|{plain.IsQuoted}");
    }
}
