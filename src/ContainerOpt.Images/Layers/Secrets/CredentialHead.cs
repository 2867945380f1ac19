using System.Text;

namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>
/// The first bytes of a candidate file, read while the layer streams past: what a classifier confirms a credential by.
/// Lives only for that check; nothing of it is kept or shown.
/// </summary>
public sealed class CredentialHead
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);
    private string? _text;

    public CredentialHead(byte[] bytes, int count, long fileSize)
    {
        Bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
        Count = count;
        FileSize = fileSize;
    }

    /// <summary>The buffer; only the first <see cref="Count"/> bytes are the file's.</summary>
    public byte[] Bytes { get; }

    public int Count { get; }

    public long FileSize { get; }

    /// <summary>True when the head is the whole file.</summary>
    public bool IsWhole => Count >= FileSize;

    /// <summary>The head as UTF-8 text (a character cut at the end is replaced).</summary>
    public string Text => _text ??= Utf8.GetString(Bytes, 0, Count);

    /// <summary>The head's lines without their line ends; the last one is dropped when the head stops inside it.</summary>
    public IEnumerable<string> Lines()
    {
        string text = Text;
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                if (IsWhole) yield return text.Substring(start).TrimEnd('\r');
                yield break;
            }
            yield return text.Substring(start, end - start).TrimEnd('\r');
            start = end + 1;
        }
    }

    /// <summary>True when the bytes contain <paramref name="ascii"/> (exact case).</summary>
    public bool Contains(string ascii) => IndexOf(ascii) >= 0;

    public int IndexOf(string ascii)
    {
        if (ascii.Length == 0) return 0;
        byte first = (byte)ascii[0];
        for (int i = 0; i <= Count - ascii.Length; i++)
        {
            if (Bytes[i] != first) continue;
            int j = 1;
            while (j < ascii.Length && Bytes[i + j] == (byte)ascii[j]) j++;
            if (j == ascii.Length) return i;
        }
        return -1;
    }
}
