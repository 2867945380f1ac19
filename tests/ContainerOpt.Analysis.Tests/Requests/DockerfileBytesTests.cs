using System.Text;
using ContainerOpt.Analysis.Requests;

namespace ContainerOpt.Analysis.Tests.Requests;

/// <summary>
/// A Dockerfile read from disk goes through a read buffer the thread reuses for the next file: its cache key and the
/// bytes ReadDockerfile gives are still the file's own bytes, whatever was read after it.
/// </summary>
[TestClass]
public sealed class DockerfileBytesTests
{
    private string _dir = "";

    [TestInitialize]
    public void Create()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-bytes-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void Delete()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Join(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Plain text; a byte order mark and a non-ASCII letter; an invalid sequence; U+FFFD written as such.</summary>
    private static readonly byte[][] Files =
    {
        Utf8("FROM alpine:3.20\nRUN echo hi\n"),
        Join(Bom, Utf8("FROM alpine:3.20\nLABEL name=\"caf\u00e9\"\n")),
        Join(Utf8("FROM alpine:3.20\nRUN echo "), new byte[] { 0xC3, 0x28, 0xFF }, Utf8("\n")),
        Utf8("FROM alpine:3.20\nRUN echo \uFFFD\n"),
    };

    private string Write(int index)
    {
        string path = Path.Combine(_dir, "Dockerfile" + index);
        File.WriteAllBytes(path, Files[index]);
        return path;
    }

    [TestMethod]
    public void The_cache_key_of_a_file_read_from_disk_is_the_key_of_its_bytes_given_as_content()
    {
        var paths = Enumerable.Range(0, Files.Length).Select(Write).ToArray();
        // Every file loaded first, every key asked after: each later read overwrote the buffer of the ones before.
        var loaded = paths.Select(p => AnalysisRequestLoader.Load(new AnalysisRequest(p))).ToArray();
        for (int i = 0; i < paths.Length; i++)
        {
            string fromContent = AnalysisRequestLoader.Load(new AnalysisRequest(paths[i]) { Content = Files[i] }).CacheKey;
            Assert.AreEqual(fromContent, loaded[i].CacheKey, "file " + i);
        }
    }

    [TestMethod]
    public void A_byte_order_mark_changes_the_cache_key()
    {
        string path = Path.Combine(_dir, "Dockerfile");
        File.WriteAllBytes(path, Utf8("FROM alpine:3.20\n"));
        string without = AnalysisRequestLoader.Load(new AnalysisRequest(path)).CacheKey;
        File.WriteAllBytes(path, Join(Bom, Utf8("FROM alpine:3.20\n")));
        string with = AnalysisRequestLoader.Load(new AnalysisRequest(path)).CacheKey;
        Assert.AreNotEqual(without, with);
        Assert.AreEqual(AnalysisRequestLoader.Load(new AnalysisRequest(path) { Content = Join(Bom, Utf8("FROM alpine:3.20\n")) }).CacheKey, with);
    }

    [TestMethod]
    public void ReadDockerfile_gives_each_file_its_own_bytes()
    {
        var paths = Enumerable.Range(0, Files.Length).Select(Write).ToArray();
        var read = paths.Select(p => AnalysisRequestLoader.ReadDockerfile(p, out var bytes, out _) is null ? null : bytes).ToArray();
        for (int i = 0; i < paths.Length; i++)
        {
            CollectionAssert.AreEqual(Files[i], read[i], "file " + i);
        }
    }
}
