namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// The three sequence symbol types (RFC 8878 §3.1.1.3.2.1): each code stands for a baseline plus a number
/// of extra bits, and each type has a predefined distribution and limits.
/// </summary>
internal sealed class SequenceCodes
{
    public static readonly SequenceCodes LiteralLengths = new(
        "literals lengths", maxSymbol: 35, maxAccuracyLog: 9, predefinedAccuracyLog: 6,
        baselines: new uint[]
        {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096,
            8192, 16384, 32768, 65536,
        },
        extraBits: new byte[]
        {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12,
            13, 14, 15, 16,
        },
        predefined: new short[]
        {
            4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1,
            2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1,
            -1, -1, -1, -1,
        });

    public static readonly SequenceCodes MatchLengths = new(
        "match lengths", maxSymbol: 52, maxAccuracyLog: 9, predefinedAccuracyLog: 6,
        baselines: new uint[]
        {
            3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
            35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051,
            4099, 8195, 16387, 32771, 65539,
        },
        extraBits: new byte[]
        {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11,
            12, 13, 14, 15, 16,
        },
        predefined: new short[]
        {
            1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1,
            -1, -1, -1, -1, -1,
        });

    /// <summary>Offset code N stands for 2^N plus N extra bits; the reference decoder accepts N up to 31.</summary>
    public static readonly SequenceCodes Offsets = new(
        "offsets", maxSymbol: 31, maxAccuracyLog: 8, predefinedAccuracyLog: 5,
        baselines: OffsetBaselines(),
        extraBits: OffsetExtraBits(),
        predefined: new short[]
        {
            1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1,
        });

    private SequenceCodes(string name, int maxSymbol, int maxAccuracyLog, int predefinedAccuracyLog,
        uint[] baselines, byte[] extraBits, short[] predefined)
    {
        Name = name;
        InvalidTableMessage = $"invalid {name} table description";
        MaxSymbol = maxSymbol;
        MaxAccuracyLog = maxAccuracyLog;
        Baselines = baselines;
        ExtraBits = extraBits;
        Predefined = SequenceTable.FromDistribution(this, predefined, predefined.Length, predefinedAccuracyLog, errorOffset: 0);
    }

    public string Name { get; }
    /// <summary>Built once: error texts are passed down on every table read and must not cost an allocation each time.</summary>
    public string InvalidTableMessage { get; }
    public int MaxSymbol { get; }
    public int MaxAccuracyLog { get; }
    public uint[] Baselines { get; }
    public byte[] ExtraBits { get; }
    public SequenceTable Predefined { get; }

    private static uint[] OffsetBaselines()
    {
        var values = new uint[32];
        for (int i = 0; i < values.Length; i++) values[i] = 1u << i;
        return values;
    }

    private static byte[] OffsetExtraBits()
    {
        var values = new byte[32];
        for (int i = 0; i < values.Length; i++) values[i] = (byte)i;
        return values;
    }
}
