using System.Runtime.CompilerServices;

namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Streaming XXH64 with seed 0, the frame content checksum (zstd keeps its low 32 bits). Fed block by
/// block as output is produced.
/// </summary>
internal sealed class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4F;
    private const ulong Prime3 = 0x165667B19E3779F9;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63;
    private const ulong Prime5 = 0x27D4EB2F165667C5;

    private readonly byte[] _pending = new byte[32];
    private int _pendingLength;
    private ulong _v1, _v2, _v3, _v4;
    private long _totalLength;

    public XxHash64() => Reset();

    public void Reset()
    {
        _v1 = unchecked(Prime1 + Prime2);
        _v2 = Prime2;
        _v3 = 0;
        _v4 = unchecked(0 - Prime1);
        _pendingLength = 0;
        _totalLength = 0;
    }

    public void Update(byte[] data, int offset, int count)
    {
        _totalLength += count;
        if (_pendingLength > 0)
        {
            int take = Math.Min(32 - _pendingLength, count);
            Buffer.BlockCopy(data, offset, _pending, _pendingLength, take);
            _pendingLength += take;
            offset += take;
            count -= take;
            if (_pendingLength < 32) return;
            ConsumeStripe(_pending, 0);
            _pendingLength = 0;
        }
        int end = offset + count;
        ulong v1 = _v1, v2 = _v2, v3 = _v3, v4 = _v4;
        while (end - offset >= 32)
        {
            v1 = Round(v1, Bits.Load64(data, offset));
            v2 = Round(v2, Bits.Load64(data, offset + 8));
            v3 = Round(v3, Bits.Load64(data, offset + 16));
            v4 = Round(v4, Bits.Load64(data, offset + 24));
            offset += 32;
        }
        _v1 = v1; _v2 = v2; _v3 = v3; _v4 = v4;
        if (offset < end)
        {
            Buffer.BlockCopy(data, offset, _pending, 0, end - offset);
            _pendingLength = end - offset;
        }
    }

    public ulong Digest()
    {
        ulong hash;
        if (_totalLength >= 32)
        {
            hash = RotateLeft(_v1, 1) + RotateLeft(_v2, 7) + RotateLeft(_v3, 12) + RotateLeft(_v4, 18);
            hash = Merge(hash, _v1);
            hash = Merge(hash, _v2);
            hash = Merge(hash, _v3);
            hash = Merge(hash, _v4);
        }
        else
        {
            hash = Prime5;
        }
        hash += (ulong)_totalLength;

        int i = 0;
        for (; i + 8 <= _pendingLength; i += 8)
        {
            hash ^= Round(0, Bits.Load64(_pending, i));
            hash = RotateLeft(hash, 27) * Prime1 + Prime4;
        }
        if (i + 4 <= _pendingLength)
        {
            hash ^= Bits.Load32(_pending, i) * Prime1;
            hash = RotateLeft(hash, 23) * Prime2 + Prime3;
            i += 4;
        }
        for (; i < _pendingLength; i++)
        {
            hash ^= _pending[i] * Prime5;
            hash = RotateLeft(hash, 11) * Prime1;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }

    private void ConsumeStripe(byte[] data, int offset)
    {
        _v1 = Round(_v1, Bits.Load64(data, offset));
        _v2 = Round(_v2, Bits.Load64(data, offset + 8));
        _v3 = Round(_v3, Bits.Load64(data, offset + 16));
        _v4 = Round(_v4, Bits.Load64(data, offset + 24));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong accumulator, ulong input) =>
        RotateLeft(accumulator + input * Prime2, 31) * Prime1;

    private static ulong Merge(ulong hash, ulong accumulator) => (hash ^ Round(0, accumulator)) * Prime1 + Prime4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
}
