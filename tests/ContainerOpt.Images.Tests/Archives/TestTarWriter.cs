using System.Globalization;
using System.Text;

namespace ContainerOpt.Images.Tests.Archives;

/// <summary>
/// A minimal tar writer for building test archives byte by byte: ustar headers, GNU long names,
/// PAX headers, base-256 sizes. Deliberately independent of the reader under test.
/// </summary>
internal sealed class TestTarWriter
{
    private readonly MemoryStream _output = new();

    public long Length => _output.Length;

    public TestTarWriter File(string name, byte[] data, bool base256Size = false) => Entry(name, '0', data, "", base256Size);

    public TestTarWriter File(string name, string text) => File(name, Encoding.UTF8.GetBytes(text));

    public TestTarWriter File(string name, long size, byte fill = (byte)'x') => File(name, Fill(size, fill));

    public TestTarWriter Directory(string name) => Entry(name.EndsWith("/") ? name : name + "/", '5', Array.Empty<byte>(), "");

    public TestTarWriter Symlink(string name, string target) => Entry(name, '2', Array.Empty<byte>(), target);

    public TestTarWriter HardLink(string name, string target) => Entry(name, '1', Array.Empty<byte>(), target);

    /// <summary>A GNU 'L' (long name) or 'K' (long link) record followed by the entry.</summary>
    public TestTarWriter GnuLong(char type, string value) => Entry("././@LongLink", type, Encoding.UTF8.GetBytes(value + "\0"), "");

    /// <summary>A PAX 'x' (next entry) or 'g' (global) header with the given records.</summary>
    public TestTarWriter Pax(char type, params (string Key, string Value)[] records)
    {
        var body = new StringBuilder();
        foreach (var (key, value) in records)
        {
            string record = " " + key + "=" + value + "\n";
            int length = Encoding.UTF8.GetByteCount(record);
            int total = length + length.ToString(CultureInfo.InvariantCulture).Length;
            if (total.ToString(CultureInfo.InvariantCulture).Length != length.ToString(CultureInfo.InvariantCulture).Length) total++;
            body.Append(total.ToString(CultureInfo.InvariantCulture)).Append(record);
        }
        return Entry("PaxHeaders/x", type, Encoding.UTF8.GetBytes(body.ToString()), "");
    }

    /// <summary>Writes raw bytes (for corrupting archives).</summary>
    public TestTarWriter Raw(byte[] bytes)
    {
        _output.Write(bytes, 0, bytes.Length);
        return this;
    }

    public TestTarWriter Entry(string name, char type, byte[] data, string link, bool base256Size = false, string? prefix = null)
    {
        var header = new byte[512];
        Put(header, 0, 100, Encoding.UTF8.GetBytes(name));
        Octal(header, 100, 8, type == '5' ? 493 : 420);
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        if (base256Size)
        {
            header[124] = 0x80;
            long size = data.Length;
            for (int i = 135; i > 124; i--, size >>= 8) header[i] = (byte)(size & 0xFF);
        }
        else
        {
            Octal(header, 124, 12, data.Length);
        }
        Octal(header, 136, 12, 1700000000);
        header[156] = (byte)type;
        Put(header, 157, 100, Encoding.UTF8.GetBytes(link));
        Put(header, 257, 6, Encoding.ASCII.GetBytes("ustar\0"));
        Put(header, 263, 2, Encoding.ASCII.GetBytes("00"));
        if (prefix is not null) Put(header, 345, 155, Encoding.UTF8.GetBytes(prefix));
        for (int i = 148; i < 156; i++) header[i] = (byte)' ';
        long sum = header.Sum(b => (long)b);
        Put(header, 148, 8, Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 "));
        _output.Write(header, 0, 512);
        _output.Write(data, 0, data.Length);
        int padding = (512 - data.Length % 512) % 512;
        _output.Write(new byte[padding], 0, padding);
        return this;
    }

    /// <summary>The two zero blocks that end an archive, and the bytes.</summary>
    public byte[] Finish()
    {
        _output.Write(new byte[1024], 0, 1024);
        return _output.ToArray();
    }

    /// <summary>The bytes so far, without an end marker.</summary>
    public byte[] ToArrayUnfinished() => _output.ToArray();

    public static byte[] Fill(long size, byte fill)
    {
        var data = new byte[size];
        for (long i = 0; i < size; i++) data[i] = fill;
        return data;
    }

    private static void Put(byte[] header, int offset, int length, byte[] value)
    {
        if (value.Length > length) throw new ArgumentException($"'{Encoding.UTF8.GetString(value)}' does not fit {length} bytes");
        Buffer.BlockCopy(value, 0, header, offset, value.Length);
    }

    private static void Octal(byte[] header, int offset, int length, long value) =>
        Put(header, offset, length, Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(length - 1, '0') + "\0"));
}
