using System.Text;

namespace ContainerOpt.Dockerfile.Text;

/// <summary>JSON strings, read the way Go's encoding/json reads them: the exec form's words and any other JSON the product parses.</summary>
public static class JsonStrings
{
    /// <summary>
    /// Reads the JSON string whose opening quote is at <paramref name="pos"/> (escapes decoded, lone surrogates as U+FFFD,
    /// as Go's encoding/json does) and moves <paramref name="pos"/> past its closing quote; false for a malformed string.
    /// </summary>
    public static bool TryRead(string text, ref int pos, int end, out string value)
    {
        value = "";
        pos++; // opening quote
        // Most strings hold no escape: cut them straight from the text.
        int scan = pos;
        while (scan < end)
        {
            char c = text[scan];
            if (c == '"')
            {
                value = text.Substring(pos, scan - pos);
                pos = scan + 1;
                return true;
            }
            if (c < 0x20 || c == '\\')
            {
                break;
            }
            scan++;
        }
        if (scan >= end)
        {
            pos = end;
            return false;
        }
        var sb = new StringBuilder(scan - pos + 16);
        sb.Append(text, pos, scan - pos);
        pos = scan;
        while (pos < end)
        {
            char c = text[pos];
            if (c == '"')
            {
                pos++;
                value = sb.ToString();
                return true;
            }
            if (c < 0x20)
            {
                return false;
            }
            if (c != '\\')
            {
                sb.Append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= end)
            {
                return false;
            }
            char e = text[pos + 1];
            pos += 2;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (!ReadHex4(text, pos, end, out int code))
                    {
                        return false;
                    }
                    pos += 4;
                    if (code >= 0xD800 && code < 0xDC00)
                    {
                        // A high surrogate pairs only with an escaped low one; alone it is U+FFFD, as in Go.
                        if (pos + 6 <= end && text[pos] == '\\' && text[pos + 1] == 'u'
                            && ReadHex4(text, pos + 2, end, out int low) && low >= 0xDC00 && low < 0xE000)
                        {
                            sb.Append((char)code).Append((char)low);
                            pos += 6;
                        }
                        else
                        {
                            sb.Append('\uFFFD');
                        }
                    }
                    else if (code >= 0xDC00 && code < 0xE000)
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append((char)code);
                    }
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    private static bool ReadHex4(string text, int pos, int end, out int code)
    {
        code = 0;
        if (pos + 4 > end)
        {
            return false;
        }
        for (int i = 0; i < 4; i++)
        {
            char h = text[pos + i];
            int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (v < 0)
            {
                return false;
            }
            code = code * 16 + v;
        }
        return true;
    }
}
