using System.IO.Compression;
using System.Text;

namespace ContainerOpt.TestSupport;

/// <summary>
/// A decoded PNG, for asserting what a screenshot shows: 8-bit greyscale, RGB or RGBA, non-interlaced (what chromium's
/// screenshots are); anything else is an assertion failure. Written from the PNG specification (signature, IHDR, IDAT
/// zlib stream, the five scanline filters).
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The colour at (x, y) as "#rrggbb" (alpha ignored).</summary>
    public string ColorAt(int x, int y)
    {
        int at = (y * Width + x) * _channels;
        return _channels < 3
            ? $"#{_pixels[at]:x2}{_pixels[at]:x2}{_pixels[at]:x2}"
            : $"#{_pixels[at]:x2}{_pixels[at + 1]:x2}{_pixels[at + 2]:x2}";
    }

    /// <summary>How many pixels of the image have this colour.</summary>
    public int Count(string color)
    {
        int count = 0;
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                if (ColorAt(x, y) == color) count++;
        return count;
    }

    /// <summary>The distinct colours, with how many pixels have each.</summary>
    public Dictionary<string, int> Histogram()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                string c = ColorAt(x, y);
                counts[c] = counts.TryGetValue(c, out int n) ? n + 1 : 1;
            }
        return counts;
    }

    public static PngImage Decode(byte[] png)
    {
        Assert.IsTrue(png.Length > Signature.Length && png.Take(Signature.Length).SequenceEqual(Signature), "not a PNG: the signature is missing");
        int position = Signature.Length;
        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        var idat = new MemoryStream();
        while (position + 8 <= png.Length)
        {
            int length = ReadInt(png, position);
            string type = Encoding.ASCII.GetString(png, position + 4, 4);
            int data = position + 8;
            if (type == "IHDR")
            {
                width = ReadInt(png, data);
                height = ReadInt(png, data + 4);
                bitDepth = png[data + 8];
                colorType = png[data + 9];
                interlace = png[data + 12];
            }
            else if (type == "IDAT")
            {
                idat.Write(png, data, length);
            }
            else if (type == "IEND")
            {
                break;
            }
            position = data + length + 4; // + CRC
        }
        Assert.AreEqual(8, bitDepth, "only 8-bit PNGs are decoded here");
        Assert.AreEqual(0, interlace, "only non-interlaced PNGs are decoded here");
        int channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        Assert.AreNotEqual(0, channels, $"PNG colour type {colorType} is not decoded here");

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] filtered = raw.ToArray();
        int stride = width * channels;
        Assert.AreEqual((stride + 1) * height, filtered.Length, "the PNG's image data has the wrong length");
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = filtered[y * (stride + 1)];
            int source = y * (stride + 1) + 1;
            int row = y * stride;
            for (int i = 0; i < stride; i++)
            {
                int left = i >= channels ? pixels[row + i - channels] : 0;
                int up = y > 0 ? pixels[row - stride + i] : 0;
                int upLeft = y > 0 && i >= channels ? pixels[row - stride + i - channels] : 0;
                int value = filtered[source + i];
                value += filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new AssertFailedException($"PNG filter {filter} does not exist"),
                };
                pixels[row + i] = (byte)value;
            }
        }
        return new PngImage(width, height, channels, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int ReadInt(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}
