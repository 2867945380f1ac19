using ContainerOpt.Core.IO;
using System.Diagnostics;
using System.Text;
using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

[TestClass]
public sealed class CommandLineQuotingTests
{
    private static readonly string[] Tricky =
    {
        "plain",
        "two words",
        "",
        "say \"hi\"",
        @"C:\path\",
        @"C:\path with space\",
        @"back\\""slash",
        @"\\server\share",
        @"trailing\\",
        "\"",
        "\\\"",
        "tab\there",
        "new\nline",
        "ünïcødé 日本語 🚀",
        "--build-arg=A=b c",
        "'single'",
        "$HOME `x` ;|&",
    };

    [TestMethod]
    public void Quote_IsExact()
    {
        Assert.AreEqual("plain", CommandLineQuoting.Quote("plain"));
        Assert.AreEqual("\"\"", CommandLineQuoting.Quote(""));
        Assert.AreEqual("\"two words\"", CommandLineQuoting.Quote("two words"));
        Assert.AreEqual("\"say \\\"hi\\\"\"", CommandLineQuoting.Quote("say \"hi\""));
        Assert.AreEqual(@"""C:\path with space\\""", CommandLineQuoting.Quote(@"C:\path with space\"));
        // Without spaces or quotes backslashes are literal: nothing to quote.
        Assert.AreEqual(@"C:\path\", CommandLineQuoting.Quote(@"C:\path\"));
        Assert.AreEqual(@"""back\\\\\""slash""", CommandLineQuoting.Quote(@"back\\""slash"));
        Assert.AreEqual("a \"b c\" \"\" d", CommandLineQuoting.Join(new[] { "a", "b c", "", "d" }));
    }

    /// <summary>
    /// The real round trip: .NET's Unix parser of ProcessStartInfo.Arguments (the rules of CommandLineToArgvW)
    /// splits the joined string back into exactly the list, which sh prints NUL-separated.
    /// </summary>
    [TestMethod]
    public void Join_RoundTripsThroughTheRuntimeArgumentParser()
    {
        var arguments = new List<string> { "-c", "for a; do printf '%s\\0' \"$a\"; done", "sh" };
        arguments.AddRange(Tricky);
        var start = new ProcessStartInfo("/bin/sh", CommandLineQuoting.Join(arguments))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(10_000));

        string[] received = output.Split('\0');
        CollectionAssert.AreEqual(Tricky.Concat(new[] { "" }).ToArray(), received);
    }
}
