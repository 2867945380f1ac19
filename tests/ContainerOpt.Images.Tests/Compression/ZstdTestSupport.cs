using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using ContainerOpt.Images.Compression;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>Decoding helpers, fixtures and test data shared by the zstd tests.</summary>
/// <remarks>
/// Two decoders ship (src/ContainerOpt.Images/ContainerOpt.Images.csproj): the net8.0 build's
/// ZstdDecompressionStream over ZstdSharp, which these tests reference directly and which <c>Decode</c> uses,
/// and the netstandard2.0 build's managed decoder (what Visual Studio's MSBuild.exe runs), which
/// <see cref="ManagedZstd"/> loads from its own build output. Overloads with a <see cref="ZstdStatistics"/>
/// (the managed decoder's counters of the format paths taken) decode with the managed decoder.
/// </remarks>
internal static class ZstdTestSupport
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Compression", "Fixtures", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    /// <summary>Decodes everything with reads of <paramref name="chunk"/> bytes (the net8.0 build: ZstdSharp).</summary>
    public static byte[] Decode(byte[] compressed, int chunk = 64 * 1024, long maxWindowSize = ZstdDecompressionStream.DefaultMaxWindowSize) =>
        Drain(new ZstdDecompressionStream(new MemoryStream(compressed), leaveOpen: false, maxWindowSize), chunk);

    /// <summary>Decodes with the managed (netstandard2.0) decoder and returns what it met.</summary>
    public static byte[] Decode(byte[] compressed, out ZstdStatistics statistics, int chunk = 64 * 1024,
        long maxWindowSize = ZstdDecompressionStream.DefaultMaxWindowSize)
    {
        using Stream stream = ManagedZstd.Open(compressed, maxWindowSize);
        byte[] decoded = Drain(stream, chunk, dispose: false);
        statistics = ManagedZstd.Statistics(stream);
        return decoded;
    }

    /// <summary>Reads <paramref name="stream"/> to its end in reads of <paramref name="chunk"/> bytes.</summary>
    public static byte[] Drain(Stream stream, int chunk = 64 * 1024, bool dispose = true)
    {
        try
        {
            using var output = new MemoryStream();
            var buffer = new byte[chunk];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, n);
            return output.ToArray();
        }
        finally
        {
            if (dispose) stream.Dispose();
        }
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

/// <summary>
/// The managed zstd decoder of the netstandard2.0 build (src/ContainerOpt.Images/Compression/Zstd, what the
/// net472 task runs in Visual Studio's MSBuild.exe), loaded from that build's output in a load context of its
/// own, so the same tests cover it as well as the net8.0 build's ZstdSharp stream.
/// </summary>
internal static class ManagedZstd
{
    private static readonly Lazy<Assembly> Library = new(Load);

    public static string AssemblyPath
    {
        get
        {
            string repositoryRoot = typeof(ManagedZstd).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "ContainerOptRepoRoot").Value!;
            // The tests run from bin/<Configuration>/net10.0/: the library was built in the same configuration.
            string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(repositoryRoot, "src", "ContainerOpt.Images", "bin", configuration, "netstandard2.0", "ContainerOpt.Images.dll");
        }
    }

    private static Assembly Load()
    {
        Assert.IsTrue(File.Exists(AssemblyPath), $"{AssemblyPath} is built with the solution");
        return new AssemblyLoadContext("containeropt-images-managed-zstd").LoadFromAssemblyPath(AssemblyPath);
    }

    private static Type StreamType => Library.Value.GetType("ContainerOpt.Images.Compression.ZstdDecompressionStream", throwOnError: true)!;

    /// <summary>A managed-decoder stream over <paramref name="compressed"/>.</summary>
    public static Stream Open(byte[] compressed, long maxWindowSize = ZstdDecompressionStream.DefaultMaxWindowSize)
    {
        try
        {
            return (Stream)Activator.CreateInstance(StreamType, new MemoryStream(compressed), false, maxWindowSize)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Decodes everything with the managed decoder.</summary>
    public static byte[] Decode(byte[] compressed, int chunk = 64 * 1024, long maxWindowSize = ZstdDecompressionStream.DefaultMaxWindowSize) =>
        ZstdTestSupport.Drain(Open(compressed, maxWindowSize), chunk);

    /// <summary>The decoder's counters so far (its internal ZstdStatistics, copied field by field).</summary>
    public static ZstdStatistics Statistics(Stream stream)
    {
        object source = Internal(stream, "Statistics");
        var copy = new ZstdStatistics(source.ToString()!);
        foreach (FieldInfo field in typeof(ZstdStatistics).GetFields())
        {
            object value = source.GetType().GetField(field.Name)!.GetValue(source)!;
            if (field.IsInitOnly) Array.Copy((Array)value, (Array)field.GetValue(copy)!, ((Array)value).Length);
            else field.SetValue(copy, value);
        }
        return copy;
    }

    /// <summary>Size of the decoder's output (window) buffer.</summary>
    public static int OutputBufferLength(Stream stream) => (int)Internal(stream, "OutputBufferLength");

    /// <summary>The decoder's XXH64 (internal type ContainerOpt.Images.Compression.Zstd.XxHash64).</summary>
    public static object NewXxHash64() => Activator.CreateInstance(Library.Value.GetType("ContainerOpt.Images.Compression.Zstd.XxHash64", throwOnError: true)!, nonPublic: true)!;

    private static object Internal(object target, string property) =>
        target.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(target)!;
}

/// <summary>The managed decoder's counters (a copy of its internal ZstdStatistics, same field names).</summary>
#pragma warning disable CS0649 // assigned by ManagedZstd.Statistics through reflection
internal sealed class ZstdStatistics(string description)
{
    public int Frames;
    public int SkippableFrames;
    public int SingleSegmentFrames;
    public int FramesWithoutContentSize;
    public int ChecksumsVerified;
    public long LargestWindow;
    public int RawBlocks;
    public int RleBlocks;
    public int CompressedBlocks;
    public int RawLiterals;
    public int RleLiterals;
    public int CompressedLiterals;
    public int TreelessLiterals;
    public int SingleStreamLiterals;
    public int FourStreamLiterals;
    public int FseHuffmanWeights;
    public int DirectHuffmanWeights;
    public int BlocksWithoutSequences;
    public long Sequences;
    public long ShiftedRepeatOffsets;
    public readonly int[,] SequenceModes = new int[3, 4];

    public override string ToString() => description;
}
#pragma warning restore CS0649

/// <summary>The managed decoder's XXH64, through reflection (the type is internal to that build).</summary>
internal sealed class XxHash64
{
    private readonly object _hash = ManagedZstd.NewXxHash64();

    public void Update(byte[] data, int offset, int count) =>
        _hash.GetType().GetMethod("Update", new[] { typeof(byte[]), typeof(int), typeof(int) })!.Invoke(_hash, new object[] { data, offset, count });

    public ulong Digest() => (ulong)_hash.GetType().GetMethod("Digest")!.Invoke(_hash, null)!;
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
