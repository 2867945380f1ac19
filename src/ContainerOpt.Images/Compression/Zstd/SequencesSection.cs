namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Decodes a compressed block's sequences section (RFC 8878 §3.1.1.3.2) and executes each sequence as it is
/// decoded (§3.1.1.4): copy literals, then copy a match from the history. Tables for "repeat" mode and the
/// three repeat offsets carry over from block to block within a frame.
/// </summary>
internal sealed class SequencesSection
{
    private readonly SequenceTable _ownLiteralLengths = new();
    private readonly SequenceTable _ownOffsets = new();
    private readonly SequenceTable _ownMatchLengths = new();
    private readonly ZstdStatistics _statistics;
    private SequenceTable? _literalLengths;
    private SequenceTable? _offsets;
    private SequenceTable? _matchLengths;
    private int _repeat1, _repeat2, _repeat3;

    public SequencesSection(ZstdStatistics statistics)
    {
        _statistics = statistics;
        Reset();
    }

    /// <summary>A new frame: no tables to repeat, repeat offsets back to 1, 4, 8.</summary>
    public void Reset()
    {
        _literalLengths = _offsets = _matchLengths = null;
        _repeat1 = 1;
        _repeat2 = 4;
        _repeat3 = 8;
    }

    /// <summary>
    /// Decodes the section in <c>block[start..end)</c> and writes the block's output from <c>outputStart</c>;
    /// returns the position after the last byte written. Nothing is written at or past <c>outputLimit</c>
    /// (the block maximum, or the frame's declared size), and matches reach back at most <c>windowSize</c>.
    /// </summary>
    public int Execute(byte[] block, int start, int end, LiteralsSection literals, byte[] output, int outputStart, int outputLimit,
        int windowSize, long offsetBias)
    {
        int sectionStart = start;
        if (start >= end)
            throw ZstdErrors.Corrupt(offsetBias + start, "missing sequences section header");
        int b0 = block[start++];
        int count;
        if (b0 < 128)
        {
            count = b0;
        }
        else if (b0 < 255)
        {
            if (end - start < 1) throw ZstdErrors.Corrupt(offsetBias + sectionStart, "sequences section header runs past the end of the block");
            count = ((b0 - 128) << 8) + block[start++];
        }
        else
        {
            if (end - start < 2) throw ZstdErrors.Corrupt(offsetBias + sectionStart, "sequences section header runs past the end of the block");
            count = block[start] + (block[start + 1] << 8) + 0x7F00;
            start += 2;
        }

        byte[] literalData = literals.Data;
        int literalPosition = literals.Start;
        int literalEnd = literalPosition + literals.Length;
        int op = outputStart;

        if (count == 0)
        {
            if (start != end)
                throw ZstdErrors.Corrupt(offsetBias + start, $"{end - start} bytes follow a sequences section without sequences");
            _statistics.BlocksWithoutSequences++;
        }
        else
        {
            if (start >= end)
                throw ZstdErrors.Corrupt(offsetBias + sectionStart, "sequences section header runs past the end of the block");
            int modes = block[start++];
            if ((modes & 3) != 0)
                throw ZstdErrors.Corrupt(offsetBias + start - 1, "reserved bits set in the sequences compression modes");
            start += SelectTable(ref _literalLengths, _ownLiteralLengths, SequenceCodes.LiteralLengths, modes >> 6, 0, block, start, end, offsetBias);
            start += SelectTable(ref _offsets, _ownOffsets, SequenceCodes.Offsets, (modes >> 4) & 3, 1, block, start, end, offsetBias);
            start += SelectTable(ref _matchLengths, _ownMatchLengths, SequenceCodes.MatchLengths, (modes >> 2) & 3, 2, block, start, end, offsetBias);
            op = DecodeAndExecute(block, start, end, count, literalData, ref literalPosition, literalEnd, output, op, outputLimit,
                windowSize, offsetBias);
            _statistics.Sequences += count;
        }

        // Literals no sequence took close the block.
        int rest = literalEnd - literalPosition;
        if (rest > outputLimit - op)
            throw ZstdErrors.Corrupt(offsetBias + sectionStart, "block decodes to more than its maximum size");
        ByteCopy.Copy(literalData, literalPosition, output, op, rest);
        return op + rest;
    }

    private int SelectTable(ref SequenceTable? active, SequenceTable own, SequenceCodes codes, int mode, int type,
        byte[] block, int start, int end, long offsetBias)
    {
        _statistics.SequenceModes[type, mode]++;
        switch (mode)
        {
            case 0:
                active = codes.Predefined;
                return 0;
            case 1:
                if (start >= end)
                    throw ZstdErrors.Corrupt(offsetBias + start, $"{codes.Name} RLE symbol is missing");
                int symbol = block[start];
                if (symbol > codes.MaxSymbol)
                    throw ZstdErrors.Corrupt(offsetBias + start, $"{codes.Name} RLE symbol {symbol} is above {codes.MaxSymbol}");
                own.SetRle(codes, symbol);
                active = own;
                return 1;
            case 2:
                int size = own.ReadDescription(codes, block, start, end, offsetBias);
                active = own;
                return size;
            default:
                if (active is null)
                    throw ZstdErrors.Corrupt(offsetBias + start, $"{codes.Name} repeat mode without a previous table in the frame");
                return 0;
        }
    }

    private int DecodeAndExecute(byte[] block, int start, int end, int count, byte[] literalData, ref int literalPosition,
        int literalEnd, byte[] output, int op, int outputLimit, int windowSize, long offsetBias)
    {
        SequenceTable literalLengths = _literalLengths!, offsets = _offsets!, matchLengths = _matchLengths!;
        ulong[] llTable = literalLengths.Entries;
        ulong[] ofTable = offsets.Entries;
        ulong[] mlTable = matchLengths.Entries;

        var bits = new BackwardBitReader(block, start, end, offsetBias, "sequences bitstream");
        int llState = (int)bits.Read(literalLengths.AccuracyLog);
        int ofState = (int)bits.Read(offsets.AccuracyLog);
        int mlState = (int)bits.Read(matchLengths.AccuracyLog);

        int repeat1 = _repeat1, repeat2 = _repeat2, repeat3 = _repeat3;
        int literalPos = literalPosition;
        long shifted = 0;
        for (int i = 0; i < count; i++)
        {
            bits.Refill(block);
            ulong ll = llTable[llState];
            ulong of = ofTable[ofState];
            ulong ml = mlTable[mlState];

            // Extra bits come offset first, then match length, then literal length.
            int ofBits = SequenceEntry.ExtraBits(of);
            int mlBits = SequenceEntry.ExtraBits(ml);
            int llBits = SequenceEntry.ExtraBits(ll);
            uint offsetValue = SequenceEntry.Baseline(of) + bits.Read(ofBits);
            int matchLength = (int)(SequenceEntry.Baseline(ml) + bits.Read(mlBits));
            if (ofBits + mlBits + llBits > 31) bits.Refill(block);
            int literalLength = (int)(SequenceEntry.Baseline(ll) + bits.Read(llBits));
            if (i + 1 < count)
            {
                llState = SequenceEntry.NextStateBase(ll) + (int)bits.Read(SequenceEntry.StateBits(ll));
                mlState = SequenceEntry.NextStateBase(ml) + (int)bits.Read(SequenceEntry.StateBits(ml));
                ofState = SequenceEntry.NextStateBase(of) + (int)bits.Read(SequenceEntry.StateBits(of));
            }
            if (bits.Remaining < 0)
                throw ZstdErrors.Corrupt(offsetBias + start, $"sequences bitstream ends before sequence {i + 1} of {count}");

            // Repeat offsets (RFC 8878 §3.2.2.1): values 1-3 pick a recent offset, shifted by one when the
            // literal length is 0; anything larger is a new offset.
            uint offset;
            int slot;
            if (offsetValue > 3)
            {
                offset = offsetValue - 3;
                slot = 3;
            }
            else
            {
                slot = (int)offsetValue - 1;
                if (literalLength == 0)
                {
                    slot++;
                    shifted++;
                }
                offset = slot switch
                {
                    0 => (uint)repeat1,
                    1 => (uint)repeat2,
                    2 => (uint)repeat3,
                    _ => (uint)(repeat1 - 1),
                };
            }

            if (literalLength > literalEnd - literalPos)
                throw ZstdErrors.Corrupt(offsetBias + start, $"sequence {i + 1} of {count} takes {literalLength} literals but only {literalEnd - literalPos} remain");
            if (matchLength + literalLength > outputLimit - op)
                throw ZstdErrors.Corrupt(offsetBias + start, $"sequence {i + 1} of {count} decodes past the block's maximum size");
            ByteCopy.Copy(literalData, literalPos, output, op, literalLength);
            op += literalLength;
            literalPos += literalLength;

            if (offset == 0 || offset > (uint)op || offset > (uint)windowSize)
                throw ZstdErrors.Corrupt(offsetBias + start,
                    $"sequence {i + 1} of {count} has match offset {offset} beyond the {Math.Min(op, windowSize)} bytes of history");
            if (slot != 0)
            {
                if (slot != 1) repeat3 = repeat2;
                repeat2 = repeat1;
                repeat1 = (int)offset;
            }

            if (matchLength <= offset)
                ByteCopy.Copy(output, op - (int)offset, output, op, matchLength);
            else
                ByteCopy.CopyOverlapping(output, op, (int)offset, matchLength);
            op += matchLength;
        }
        if (bits.Remaining != 0)
            throw ZstdErrors.Corrupt(offsetBias + start, $"sequences bitstream has {bits.Remaining} bits left after its {count} sequences");

        _repeat1 = repeat1;
        _repeat2 = repeat2;
        _repeat3 = repeat3;
        literalPosition = literalPos;
        _statistics.ShiftedRepeatOffsets += shifted;
        return op;
    }
}
