namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Walks the compressed input frame by frame and block by block (RFC 8878 §3.1), decoding one block per
/// call into the <see cref="Output"/> window: zstd frames, skippable frames, raw, RLE and compressed blocks,
/// the declared content size and the content checksum.
/// </summary>
internal sealed class ZstdDecoder : IDisposable
{
    private const int InputBufferSize = 64 * 1024;

    private readonly CompressedInput _input;
    private readonly long _maxWindowSize;
    private readonly byte[] _inputBuffer;
    private readonly byte[] _block;
    private readonly byte[] _literalsBuffer;
    private readonly byte[] _header = new byte[16];
    private readonly LiteralsSection _literals;
    private readonly SequencesSection _sequences;
    private readonly XxHash64 _hash = new();

    private bool _inFrame;
    private bool _sawFrame;
    private long _frameOffset;
    private bool _hasChecksum;
    private long _contentSize;
    private long _produced;
    private int _windowSize;
    private int _blockMaximum;

    public ZstdDecoder(Stream compressed, long maxWindowSize)
    {
        _maxWindowSize = maxWindowSize;
        _inputBuffer = BufferPool.Rent(InputBufferSize);
        _block = BufferPool.Rent(ZstdConstants.BlockPadding + ZstdConstants.MaxBlockSize + ZstdConstants.CopySlack);
        _literalsBuffer = BufferPool.Rent(ZstdConstants.MaxBlockSize + ZstdConstants.CopySlack);
        _input = new CompressedInput(compressed, _inputBuffer);
        _literals = new LiteralsSection(_literalsBuffer, Statistics);
        _sequences = new SequencesSection(Statistics);
    }

    public ZstdStatistics Statistics { get; } = new();
    public OutputWindow Output { get; } = new();

    /// <summary>
    /// Decodes the next frame header or block (which may produce no bytes). Returns false at the clean end
    /// of the input, after the last frame.
    /// </summary>
    public bool DecodeNext()
    {
        if (_inFrame)
        {
            DecodeBlock();
            return true;
        }
        long offset = _input.Offset;
        if (!_input.TryReadExact(_header, 0, 4, "frame magic number"))
        {
            if (!_sawFrame) throw ZstdErrors.Corrupt(offset, "no frame in the input (it is empty)");
            return false;
        }
        _sawFrame = true;
        uint magic = Bits.Load32(_header, 0);
        if (magic == ZstdConstants.FrameMagic)
        {
            ReadFrameHeader(offset);
        }
        else if ((magic & ZstdConstants.SkippableMagicMask) == ZstdConstants.SkippableMagic)
        {
            _input.ReadExact(_header, 0, 4, "skippable frame size");
            _input.Skip(Bits.Load32(_header, 0), "skippable frame content");
            Statistics.SkippableFrames++;
        }
        else
        {
            throw ZstdErrors.Corrupt(offset, $"unknown frame magic number 0x{magic:X8} (not zstd data)");
        }
        return true;
    }

    private void ReadFrameHeader(long frameOffset)
    {
        byte descriptor = _input.ReadByte("frame header descriptor");
        int contentSizeFlag = descriptor >> 6;
        bool singleSegment = (descriptor & 0x20) != 0;
        if ((descriptor & 0x08) != 0)
            throw ZstdErrors.Corrupt(frameOffset + 4, "reserved bit set in the frame header descriptor");
        int dictionaryIdSize = (descriptor & 3) == 3 ? 4 : descriptor & 3;
        int contentSizeSize = contentSizeFlag == 0 ? (singleSegment ? 1 : 0) : 1 << contentSizeFlag;
        int windowDescriptorSize = singleSegment ? 0 : 1;
        _input.ReadExact(_header, 0, windowDescriptorSize + dictionaryIdSize + contentSizeSize, "frame header");

        long windowSize = 0;
        if (!singleSegment)
        {
            int exponent = _header[0] >> 3;
            int mantissa = _header[0] & 7;
            long windowBase = 1L << (10 + exponent);
            windowSize = windowBase + (windowBase >> 3) * mantissa;
        }
        long dictionaryOffset = frameOffset + 5 + windowDescriptorSize;
        ulong dictionaryId = ReadLittleEndian(windowDescriptorSize, dictionaryIdSize);
        if (dictionaryId != 0)
            throw ZstdErrors.Corrupt(dictionaryOffset, $"frame needs dictionary {dictionaryId}, and dictionaries are not supported");
        long contentSizeOffset = dictionaryOffset + dictionaryIdSize;
        ulong contentSize = ReadLittleEndian(windowDescriptorSize + dictionaryIdSize, contentSizeSize);
        if (contentSizeSize == 2) contentSize += 256;
        if (contentSize > long.MaxValue)
            throw ZstdErrors.Corrupt(contentSizeOffset, $"frame content size {contentSize} is not supported");
        _contentSize = contentSizeSize == 0 ? -1 : (long)contentSize;
        if (singleSegment) windowSize = _contentSize;
        if (windowSize > _maxWindowSize)
            throw ZstdErrors.Corrupt(singleSegment ? contentSizeOffset : frameOffset + 5,
                $"window size {windowSize} exceeds the decoder limit {_maxWindowSize}");

        _frameOffset = frameOffset;
        _hasChecksum = (descriptor & 0x04) != 0;
        _windowSize = (int)windowSize;
        _blockMaximum = (int)Math.Min(windowSize, ZstdConstants.MaxBlockSize);
        _produced = 0;
        _hash.Reset();
        _literals.Reset();
        _sequences.Reset();
        Output.StartFrame(_windowSize, _contentSize);
        _inFrame = true;

        Statistics.Frames++;
        if (singleSegment) Statistics.SingleSegmentFrames++;
        if (_contentSize < 0) Statistics.FramesWithoutContentSize++;
        Statistics.LargestWindow = Math.Max(Statistics.LargestWindow, windowSize);
    }

    private ulong ReadLittleEndian(int start, int size)
    {
        ulong value = 0;
        for (int i = 0; i < size; i++) value |= (ulong)_header[start + i] << (8 * i);
        return value;
    }

    private void DecodeBlock()
    {
        long blockOffset = _input.Offset;
        _input.ReadExact(_header, 0, 3, "block header");
        int header = _header[0] | (_header[1] << 8) | (_header[2] << 16);
        bool last = (header & 1) != 0;
        int type = (header >> 1) & 3;
        int size = header >> 3;
        if (type == 3)
            throw ZstdErrors.Corrupt(blockOffset, "reserved block type");
        if (size > _blockMaximum)
            throw ZstdErrors.Corrupt(blockOffset, $"block size {size} exceeds the frame's maximum block size {_blockMaximum}");
        int room = _contentSize < 0 ? _blockMaximum : (int)Math.Min(_blockMaximum, _contentSize - _produced);

        OutputWindow output = Output;
        int produced;
        switch (type)
        {
            case 0:
                CheckDeclaredSize(size, room, blockOffset);
                output.EnsureRoom(size);
                _input.ReadExact(output.Buffer, output.WritePosition, size, "raw block");
                produced = size;
                Statistics.RawBlocks++;
                break;
            case 1:
                CheckDeclaredSize(size, room, blockOffset);
                byte value = _input.ReadByte("RLE block byte");
                output.EnsureRoom(size);
                for (int i = 0; i < size; i++) output.Buffer[output.WritePosition + i] = value;
                produced = size;
                Statistics.RleBlocks++;
                break;
            default:
                produced = DecodeCompressedBlock(blockOffset + 3, size, room);
                Statistics.CompressedBlocks++;
                break;
        }
        if (_hasChecksum) _hash.Update(output.Buffer, output.WritePosition, produced);
        output.WritePosition += produced;
        _produced += produced;
        if (last) FinishFrame();
    }

    private void CheckDeclaredSize(int size, int room, long blockOffset)
    {
        if (size > room)
            throw ZstdErrors.Corrupt(blockOffset, $"block decodes past the frame's declared content size {_contentSize}");
    }

    private int DecodeCompressedBlock(long contentOffset, int size, int room)
    {
        int start = ZstdConstants.BlockPadding;
        int end = start + size;
        long offsetBias = contentOffset - start;
        _input.ReadExact(_block, start, size, "compressed block");
        if (size == 0)
            throw ZstdErrors.Corrupt(contentOffset, "empty compressed block");

        OutputWindow output = Output;
        output.EnsureRoom(room);
        int literalsSize = _literals.Decode(_block, start, end, _blockMaximum, offsetBias);
        int outputStart = output.WritePosition;
        int outputEnd = _sequences.Execute(_block, start + literalsSize, end, _literals, output.Buffer, outputStart,
            outputStart + room, _windowSize, offsetBias);
        return outputEnd - outputStart;
    }

    private void FinishFrame()
    {
        _inFrame = false;
        if (_contentSize >= 0 && _produced != _contentSize)
            throw ZstdErrors.Corrupt(_frameOffset, $"frame content is {_produced} bytes but its header declares {_contentSize}");
        if (!_hasChecksum) return;
        long checksumOffset = _input.Offset;
        _input.ReadExact(_header, 0, 4, "content checksum");
        uint expected = Bits.Load32(_header, 0);
        uint actual = (uint)_hash.Digest();
        if (expected != actual)
            throw ZstdErrors.Corrupt(checksumOffset, $"content checksum mismatch (frame says 0x{expected:X8}, content hashes to 0x{actual:X8})");
        Statistics.ChecksumsVerified++;
    }

    public void Dispose()
    {
        Output.Dispose();
        BufferPool.Return(_inputBuffer);
        BufferPool.Return(_block);
        BufferPool.Return(_literalsBuffer);
    }
}
