using System.Diagnostics;
using System.Text;
using ContainerOpt.Images.Archives;

namespace ContainerOpt.Images.Tests.Archives;

[TestClass]
public sealed class TarReaderTests
{
    private static List<(string Name, TarEntryType Type, long Size, string Link, string Content)> ReadAll(byte[] tar, int chunk = int.MaxValue)
    {
        var result = new List<(string, TarEntryType, long, string, string)>();
        using var reader = new TarReader(new ForwardOnlyStream(tar, chunk));
        for (TarEntry? e = reader.Next(); e is not null; e = reader.Next())
        {
            using var content = new MemoryStream();
            e.Data.CopyTo(content);
            result.Add((e.Name, e.Type, e.Size, e.LinkName, Encoding.UTF8.GetString(content.ToArray())));
        }
        return result;
    }

    [TestMethod]
    public void ReadsUstarEntriesWithExactNamesTypesSizesAndContent()
    {
        byte[] tar = new TestTarWriter()
            .Directory("etc")
            .File("etc/hostname", "box\n")
            .Symlink("etc/localtime", "/usr/share/zoneinfo/UTC")
            .HardLink("etc/hostname2", "etc/hostname")
            .File("empty", Array.Empty<byte>())
            .Finish();
        var entries = ReadAll(tar, chunk: 7);
        CollectionAssert.AreEqual(new[]
        {
            ("etc/", TarEntryType.Directory, 0L, "", ""),
            ("etc/hostname", TarEntryType.File, 4L, "", "box\n"),
            ("etc/localtime", TarEntryType.SymbolicLink, 0L, "/usr/share/zoneinfo/UTC", ""),
            ("etc/hostname2", TarEntryType.HardLink, 0L, "etc/hostname", ""),
            ("empty", TarEntryType.File, 0L, "", ""),
        }, entries);
    }

    [TestMethod]
    public void GnuLongNamesAndLinksApplyToTheNextEntryOnly()
    {
        string longName = string.Join("/", Enumerable.Repeat("directory-name-twenty", 8)) + "/file.txt";
        string longLink = "/" + string.Join("/", Enumerable.Repeat("target-segment", 10));
        Assert.IsTrue(longName.Length > 100 && longLink.Length > 100);
        byte[] tar = new TestTarWriter()
            .GnuLong('L', longName).File("truncated-name", "data")
            .GnuLong('L', longName + ".lnk").GnuLong('K', longLink).Symlink("short", "short-target")
            .File("after", "x")
            .Finish();
        var entries = ReadAll(tar);
        Assert.AreEqual((longName, TarEntryType.File, 4L, "", "data"), entries[0]);
        Assert.AreEqual((longName + ".lnk", TarEntryType.SymbolicLink, 0L, longLink, ""), entries[1]);
        Assert.AreEqual(("after", TarEntryType.File, 1L, "", "x"), entries[2]);
        Assert.AreEqual(3, entries.Count);
    }

    [TestMethod]
    public void PaxHeadersSetPathLinkpathAndSizeAndGlobalOnesPersist()
    {
        string unicode = "données/日本語/" + new string('n', 120);
        byte[] tar = new TestTarWriter()
            .Pax('g', ("comment", "global"), ("linkpath", "global-target"))
            .Pax('x', ("path", unicode), ("size", "5"))
            .Entry("ignored", '0', Encoding.ASCII.GetBytes("12345"), "")
            .Symlink("link-a", "header-target")
            .Pax('x', ("linkpath", "per-entry-target"))
            .Symlink("link-b", "header-target")
            .Finish();
        using var reader = new TarReader(new ForwardOnlyStream(tar));
        TarEntry first = reader.Next()!;
        Assert.AreEqual(unicode, first.Name);
        Assert.AreEqual(5, first.Size);
        TarEntry second = reader.Next()!;
        Assert.AreEqual("link-a", second.Name);
        Assert.AreEqual("global-target", second.LinkName);
        Assert.AreEqual(13, second.LinkNameByteCount);
        TarEntry third = reader.Next()!;
        Assert.AreEqual("per-entry-target", third.LinkName);
        Assert.IsNull(reader.Next());
    }

    [TestMethod]
    public void Base256SizesAreRead()
    {
        byte[] tar = new TestTarWriter().File("big-format", Encoding.ASCII.GetBytes("abc"), base256Size: true).File("next", "n").Finish();
        var entries = ReadAll(tar);
        Assert.AreEqual(("big-format", TarEntryType.File, 3L, "", "abc"), entries[0]);
        Assert.AreEqual("next", entries[1].Name);
    }

    [TestMethod]
    public void UnreadDataIsSkippedAndPositionCountsEveryByte()
    {
        byte[] tar = new TestTarWriter().File("a", 1500).File("b", "bee").Finish();
        using var reader = new TarReader(new ForwardOnlyStream(tar, 100));
        TarEntry a = reader.Next()!;
        Assert.AreEqual(0, a.HeaderOffset);
        Assert.AreEqual((int)'x', a.Data.ReadByte());
        TarEntry b = reader.Next()!;
        Assert.AreEqual("b", b.Name);
        Assert.AreEqual(512 + 1536, b.HeaderOffset);
        Assert.AreEqual("bee", new StreamReader(b.Data).ReadToEnd());
        Assert.ThrowsExactly<InvalidOperationException>(() => a.Data.ReadByte());
        Assert.IsNull(reader.Next());
        Assert.AreEqual(512 + 1536 + 512 + 512 + 1024, reader.Position);
    }

    [TestMethod]
    public void UstarPrefixFieldAndSystemTarArchivesRead()
    {
        string dir = Path.Combine(Path.GetTempPath(), "copt-tar-" + Guid.NewGuid().ToString("N"));
        try
        {
            string deep = Path.Combine(dir, "root", string.Join("/", Enumerable.Repeat("abcdefghij", 12)));
            Directory.CreateDirectory(deep);
            File.WriteAllText(Path.Combine(deep, "leaf.txt"), "leaf!");
            File.WriteAllText(Path.Combine(dir, "root", "plain.txt"), "plain");
            File.CreateSymbolicLink(Path.Combine(dir, "root", "sym"), "plain.txt");
            Process.Start("ln", new[] { Path.Combine(dir, "root", "plain.txt"), Path.Combine(dir, "root", "hard") })!.WaitForExit();
            foreach (string format in new[] { "gnu", "posix", "ustar" })
            {
                string archive = Path.Combine(dir, format + ".tar");
                var start = new ProcessStartInfo("tar") { UseShellExecute = false, RedirectStandardError = true };
                foreach (string a in new[] { "--format=" + format, "--sort=name", "-C", Path.Combine(dir, "root"), "-cf", archive, "." }) start.ArgumentList.Add(a);
                using (var tarProcess = Process.Start(start)!)
                {
                    tarProcess.WaitForExit();
                    Assert.AreEqual(0, tarProcess.ExitCode, tarProcess.StandardError.ReadToEnd());
                }
                var entries = ReadAll(File.ReadAllBytes(archive)).Where(e => e.Type != TarEntryType.Directory).ToList();
                string leafName = "./" + string.Join("/", Enumerable.Repeat("abcdefghij", 12)) + "/leaf.txt";
                CollectionAssert.AreEqual(new[]
                {
                    (leafName, TarEntryType.File, 5L, "", "leaf!"),
                    ("./hard", TarEntryType.File, 5L, "", "plain"),
                    ("./plain.txt", TarEntryType.HardLink, 0L, "./hard", ""),
                    ("./sym", TarEntryType.SymbolicLink, 0L, "plain.txt", ""),
                }, entries, format);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void BadChecksumIsAnInvalidDataExceptionWithTheHeaderOffset()
    {
        byte[] tar = new TestTarWriter().File("a", "1").File("b", "2").Finish();
        tar[1024 + 10] ^= 0x20; // second header (at 1024), inside the name
        using var reader = new TarReader(new ForwardOnlyStream(tar));
        Assert.AreEqual("a", reader.Next()!.Name);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.Next());
        StringAssert.Contains(error.Message, "offset 1024");
        StringAssert.Contains(error.Message, "checksum");
    }

    [TestMethod]
    public void TruncationInsideDataOrHeaderIsAnInvalidDataExceptionWithTheOffset()
    {
        byte[] full = new TestTarWriter().File("a", 2000).File("b", "2").Finish();
        byte[] insideData = full.Take(512 + 1000).ToArray();
        using (var reader = new TarReader(new ForwardOnlyStream(insideData)))
        {
            TarEntry a = reader.Next()!;
            var error = Assert.ThrowsExactly<InvalidDataException>(() => a.Data.CopyTo(Stream.Null));
            StringAssert.Contains(error.Message, "offset 1512");
            StringAssert.Contains(error.Message, "1000 of 2000 bytes missing");
        }
        byte[] insideHeader = full.Take(512 + 2048 + 100).ToArray();
        using (var reader = new TarReader(new ForwardOnlyStream(insideHeader)))
        {
            reader.Next();
            var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.Next());
            StringAssert.Contains(error.Message, "offset 2560");
        }
        byte[] notTar = Encoding.ASCII.GetBytes(new string('j', 600));
        using (var reader = new TarReader(new MemoryStream(notTar)))
        {
            var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.Next());
            StringAssert.Contains(error.Message, "offset 0");
        }
    }

    [TestMethod]
    public void AnArchiveEndingOnABlockBoundaryWithoutEndMarkerEnds()
    {
        byte[] unfinished = new TestTarWriter().File("a", "1").ToArrayUnfinished();
        var entries = ReadAll(unfinished);
        Assert.AreEqual(1, entries.Count);
    }
}
