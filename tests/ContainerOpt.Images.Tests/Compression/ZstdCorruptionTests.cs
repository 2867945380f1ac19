using static ContainerOpt.Images.Tests.Compression.ZstdTestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>
/// 2,000 damaged copies of valid frames (byte and bit flips, overwritten spans, truncations, inserted and
/// deleted bytes): each either decodes or throws <see cref="InvalidDataException"/>, within a time bound.
/// A frame with a checksum that decodes must give the original bytes (a flip in a raw literal decodes
/// "successfully", and then the checksum has to catch it). Both decoders: the net8.0 build's ZstdSharp stream
/// and the netstandard2.0 build's managed decoder.
/// </summary>
[TestClass]
public sealed class ZstdCorruptionTests
{
    private const int Cases = 2000;
    private static readonly TimeSpan CaseTimeLimit = TimeSpan.FromSeconds(5);

    private static readonly (string Fixture, bool HasChecksum)[] Bases =
    {
        ("text-l3.zst", true), ("text-l19.zst", true), ("records-l9.zst", true), ("atsign-l19.zst", true),
        ("periodic-l1.zst", true), ("alphabet-l19.zst", true), ("small-text-l3.zst", true), ("letters-l1.zst", true),
        ("zeros-l3.zst", true), ("hello.zst", true), ("text-stdin-nocheck.zst", false),
    };

    [TestMethod]
    [DataRow("ZstdSharp")]
    [DataRow("managed")]
    public void DamagedFramesFailCleanlyOrDecodeCorrectly(string decoder)
    {
        var random = new Random(8878);
        var originals = Bases.Select(b => (b.Fixture, b.HasChecksum, Compressed: Fixture(b.Fixture), Decoded: Decode(Fixture(b.Fixture)))).ToArray();
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Cases; i++)
        {
            var (fixture, hasChecksum, compressed, decoded) = originals[i % originals.Length];
            (byte[] damaged, string how) = Damage(compressed, random);
            string what = $"case {i}: {fixture} {how}";

            var (result, error) = DecodeWithin(decoder, damaged, what);

            string outcome;
            if (error is not null)
            {
                Assert.IsInstanceOfType<InvalidDataException>(error, $"{what}: {error}");
                StringAssert.Contains(error.Message, " at compressed offset ", what);
                outcome = "InvalidDataException";
            }
            else if (hasChecksum)
            {
                Assert.IsTrue(result.AsSpan().SequenceEqual(decoded), $"{what}: decoded to different bytes despite the checksum");
                outcome = "original bytes";
            }
            else
            {
                outcome = "some bytes (no checksum)";
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Console.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.IsTrue(outcomes.GetValueOrDefault("InvalidDataException") > Cases / 2, "most damage is detected");
    }

    [TestMethod]
    [DataRow("ZstdSharp")]
    [DataRow("managed")]
    public void RandomBytesAfterAValidFrameHeaderFailCleanly(string decoder)
    {
        var random = new Random(27);
        byte[] header = Fixture("text-stdin-nocheck.zst")[..6];
        for (int i = 0; i < 500; i++)
        {
            byte[] input = header.Concat(RandomBytes(random.Next(1, 2000), random.Next())).ToArray();
            // A plausible block header keeps the random content inside one compressed block.
            int blockSize = input.Length - 9;
            if (i % 2 == 0 && blockSize > 0)
            {
                int value = (blockSize << 3) | (2 << 1) | 1;
                input[6] = (byte)value;
                input[7] = (byte)(value >> 8);
                input[8] = (byte)(value >> 16);
            }
            var (_, error) = DecodeWithin(decoder, input, $"case {i}");
            if (error is not null) Assert.IsInstanceOfType<InvalidDataException>(error, $"case {i}: {error}");
        }
    }

    /// <summary>Decodes on a worker so that a hang fails the test instead of stalling the run.</summary>
    private static (byte[]? Result, Exception? Error) DecodeWithin(string decoder, byte[] input, string what)
    {
        Task<byte[]> decode = Task.Run(() => decoder == "managed" ? ManagedZstd.Decode(input, chunk: 4096) : Decode(input, chunk: 4096));
        if (!((IAsyncResult)decode).AsyncWaitHandle.WaitOne(CaseTimeLimit))
            Assert.Fail($"{what}: still decoding after {CaseTimeLimit.TotalSeconds} s");
        return decode.IsFaulted ? (null, decode.Exception!.InnerException) : (decode.Result, null);
    }

    private static (byte[] Damaged, string How) Damage(byte[] compressed, Random random)
    {
        byte[] damaged = (byte[])compressed.Clone();
        int at = random.Next(compressed.Length);
        switch (random.Next(20))
        {
            case < 10:
                byte mask = (byte)random.Next(1, 256);
                damaged[at] ^= mask;
                return (damaged, $"byte {at} xor 0x{mask:X2}");
            case < 13:
                int bit = random.Next(8);
                damaged[at] ^= (byte)(1 << bit);
                return (damaged, $"bit {bit} of byte {at} flipped");
            case < 15:
                int count = Math.Min(random.Next(2, 9), compressed.Length - at);
                for (int i = 0; i < count; i++) damaged[at + i] = (byte)random.Next(256);
                return (damaged, $"{count} bytes at {at} overwritten");
            case < 18:
                return (compressed[..at], $"truncated to {at} bytes");
            case 18:
                return (compressed.Take(at).Concat(compressed.Skip(at + 1)).ToArray(), $"byte {at} deleted");
            default:
                byte inserted = (byte)random.Next(256);
                return (compressed.Take(at).Append(inserted).Concat(compressed.Skip(at)).ToArray(), $"0x{inserted:X2} inserted at {at}");
        }
    }
}
