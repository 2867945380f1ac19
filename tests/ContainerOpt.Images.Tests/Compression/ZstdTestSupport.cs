using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Compression.Zstd;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>Decoding helpers, fixtures and test data shared by the zstd tests.</summary>
internal static class ZstdTestSupport
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Compression", "Fixtures", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    /// <summary>Decodes everything with reads of <paramref name="chunk"/> bytes.</summary>
    public static byte[] Decode(byte[] compressed, int chunk = 64 * 1024, long maxWindowSize = ZstdDecompressionStream.DefaultMaxWindowSize) =>
        Decode(compressed, out _, chunk, maxWindowSize);

    public static byte[] Decode(byte[] compressed, out ZstdStatistics statistics, int chunk = 64 * 1024,
        long maxWindowSize = ZstdDecompressionStream.DefaultMaxWindowSize)
    {
        using var stream = new ZstdDecompressionStream(new MemoryStream(compressed), leaveOpen: false, maxWindowSize);
        using var output = new MemoryStream();
        var buffer = new byte[chunk];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, n);
        statistics = stream.Statistics;
        return output.ToArray();
    }

    public static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    /// <summary>Prose-like text: Zipf-distributed words in lines of varying length, with numbers now and then.</summary>
    public static byte[] Text(int size, int seed)
    {
        string[] words =
        {
            "the", "image", "layer", "build", "stage", "copy", "run", "from", "docker", "file", "size", "cache", "restore",
            "publish", "dotnet", "project", "sdk", "runtime", "debian", "install", "clean", "user", "app", "entrypoint",
            "workdir", "expose", "port", "health", "label", "volume", "shell", "zstd", "frame", "block", "window",
            "offset", "literal", "match", "sequence", "huffman", "table", "stream", "of", "and", "a", "to", "is", "in",
        };
        var random = new Random(seed);
        var cumulative = new double[words.Length];
        double sum = 0;
        for (int i = 0; i < words.Length; i++) cumulative[i] = sum += 1.0 / (i + 1);
        var text = new StringBuilder(size + 100);
        while (text.Length < size)
        {
            int count = random.Next(3, 15);
            for (int w = 0; w < count; w++)
            {
                double pick = random.NextDouble() * sum;
                int index = Array.BinarySearch(cumulative, pick);
                if (index < 0) index = ~index;
                if (w > 0) text.Append(' ');
                text.Append(words[Math.Min(index, words.Length - 1)]);
            }
            if (random.Next(10) == 0) text.Append(' ').Append(random.Next(100000));
            text.Append(random.Next(3) == 0 ? ".\n" : "\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString(0, size));
    }

    public static byte[] RandomBytes(int size, int seed)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>
    /// What image layers hold: text, incompressible runs, zero runs, little-endian tables, and copies of
    /// earlier chunks from near and far back (up to the whole output so far).
    /// </summary>
    public static byte[] Mixed(int size, int seed)
    {
        var random = new Random(seed);
        var data = new byte[size];
        int at = 0;
        while (at < size)
        {
            int length = Math.Min(size - at, random.Next(1, 64 * 1024));
            switch (random.Next(5))
            {
                case 0:
                    Text(length, random.Next()).CopyTo(data, at);
                    break;
                case 1:
                    random.NextBytes(data.AsSpan(at, length));
                    break;
                case 2:
                    break; // zeros
                case 3:
                    int value = random.Next();
                    for (int i = 0; i + 4 <= length; i += 4) BitConverter.TryWriteBytes(data.AsSpan(at + i), value += random.Next(16));
                    break;
                default:
                    if (at == 0) goto case 0;
                    int from = random.Next(at);
                    int copy = Math.Min(length, at - from);
                    Array.Copy(data, from, data, at, copy);
                    length = copy;
                    break;
            }
            at += length;
        }
        return data;
    }
}

/// <summary>The reference zstd CLI, run with argument lists (never a shell string).</summary>
internal static class ZstdCli
{
    private const string Path = "/usr/bin/zstd";

    /// <summary>Inconclusive without the CLI, unless CONTAINEROPT_REQUIRE_DOCKER=1 (CI), where it fails.</summary>
    public static void Require()
    {
        if (File.Exists(Path)) return;
        const string message = "zstd CLI not installed: apt-get install zstd (build/docker-env.sh installs it)";
        if (Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_DOCKER") == "1") Assert.Fail(message);
        Assert.Inconclusive(message);
    }

    /// <summary>
    /// Compresses through a file (the frame then declares its content size), or through stdin when
    /// <paramref name="fromStdin"/> (no content size).
    /// </summary>
    public static byte[] Compress(byte[] data, bool fromStdin, params string[] options)
    {
        string directory = Directory.CreateTempSubdirectory("containeropt-zstd-").FullName;
        try
        {
            string input = System.IO.Path.Combine(directory, "input");
            string output = System.IO.Path.Combine(directory, "input.zst");
            var start = new ProcessStartInfo(Path)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardInput = fromStdin,
                RedirectStandardOutput = fromStdin,
            };
            start.ArgumentList.Add("-q");
            foreach (string option in options) start.ArgumentList.Add(option);
            if (!fromStdin)
            {
                File.WriteAllBytes(input, data);
                start.ArgumentList.Add(input);
                start.ArgumentList.Add("-o");
                start.ArgumentList.Add(output);
            }
            else
            {
                start.ArgumentList.Add("-c");
            }
            using var process = Process.Start(start)!;
            Task<string> errors = process.StandardError.ReadToEndAsync();
            byte[] compressed;
            if (fromStdin)
            {
                var collected = new MemoryStream();
                Task copyOut = process.StandardOutput.BaseStream.CopyToAsync(collected);
                process.StandardInput.BaseStream.Write(data);
                process.StandardInput.Close();
                if (!copyOut.Wait(TimeSpan.FromMinutes(5))) Assert.Fail("zstd did not finish within 5 minutes");
                compressed = collected.ToArray();
            }
            else
            {
                compressed = Array.Empty<byte>();
            }
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill();
                Assert.Fail("zstd did not finish within 5 minutes");
            }
            if (process.ExitCode != 0) Assert.Fail($"zstd {string.Join(" ", options)} exited {process.ExitCode}: {errors.Result}");
            return fromStdin ? compressed : File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
