namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// What the decoder met so far: which block, literal and sequence modes. Tests use it to prove that a
/// fixture really exercises the path it claims to; counting costs a few increments per block.
/// </summary>
internal sealed class ZstdStatistics
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
    /// <summary>Repeat offsets resolved with the literal-length-zero shift (RFC 8878 §3.2.2.1).</summary>
    public long ShiftedRepeatOffsets;
    /// <summary>[symbol type: 0 literal lengths, 1 offsets, 2 match lengths][mode: 0 predefined, 1 RLE, 2 FSE, 3 repeat].</summary>
    public readonly int[,] SequenceModes = new int[3, 4];

    public override string ToString() =>
        $"frames {Frames} (skippable {SkippableFrames}, single-segment {SingleSegmentFrames}, no content size {FramesWithoutContentSize}, checksums {ChecksumsVerified}, largest window {LargestWindow}); " +
        $"blocks raw {RawBlocks} rle {RleBlocks} compressed {CompressedBlocks}; " +
        $"literals raw {RawLiterals} rle {RleLiterals} huffman {CompressedLiterals} treeless {TreelessLiterals} (1 stream {SingleStreamLiterals}, 4 streams {FourStreamLiterals}; weights fse {FseHuffmanWeights} direct {DirectHuffmanWeights}); " +
        $"sequences {Sequences} (blocks without {BlocksWithoutSequences}, shifted repeats {ShiftedRepeatOffsets}); " +
        $"modes LL {Modes(0)} OF {Modes(1)} ML {Modes(2)}";

    private string Modes(int type) => $"{SequenceModes[type, 0]}/{SequenceModes[type, 1]}/{SequenceModes[type, 2]}/{SequenceModes[type, 3]}";
}
