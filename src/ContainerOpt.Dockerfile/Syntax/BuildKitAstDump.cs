using System.Globalization;
using System.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// Prints the tree exactly as BuildKit's <c>Node.Dump</c> does, one <c>(instruction args...)</c>
/// line per instruction, arguments quoted like Go's <c>strconv.Quote</c>. Used for conformance.
/// </summary>
public static class BuildKitAstDump
{
    public static string Dump(DockerfileSyntax syntax)
    {
        var sb = new StringBuilder();
        foreach (var instruction in syntax.Instructions)
        {
            sb.Append('(').Append(DumpInstruction(instruction)).Append(")\n");
        }
        return sb.ToString();
    }

    public static string DumpInstruction(InstructionSyntax instruction)
    {
        var sb = new StringBuilder();
        sb.Append(instruction.KeywordText.ToLowerInvariant());
        if (instruction.Flags.Count > 0)
        {
            sb.Append(" [");
            for (int i = 0; i < instruction.Flags.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(GoQuote(instruction.Flags[i].Raw));
            }
            sb.Append(']');
        }
        if (instruction.OnbuildInstruction is not null)
        {
            sb.Append(" (").Append(DumpInstruction(instruction.OnbuildInstruction)).Append(')');
        }
        else if (instruction.Kind == InstructionKind.Unknown)
        {
            sb.Append(" \"\""); // BuildKit's parseIgnore leaves one empty node
        }
        else if (instruction.Kind is InstructionKind.Env or InstructionKind.Label)
        {
            foreach (var pair in instruction.KeyValues)
            {
                sb.Append(' ').Append(GoQuote(pair.Key.Value))
                  .Append(' ').Append(GoQuote(pair.Value.Value))
                  .Append(' ').Append(GoQuote(pair.Separator));
            }
        }
        else
        {
            foreach (var argument in instruction.Arguments)
            {
                sb.Append(' ').Append(GoQuote(argument.Value));
            }
        }
        return sb.ToString().Trim();
    }

    /// <summary>Go's strconv.Quote: printable runes kept, others escaped.</summary>
    public static string GoQuote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            int rune = c;
            int width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                rune = char.ConvertToUtf32(c, value[i + 1]);
                width = 2;
            }
            switch (rune)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\a': sb.Append("\\a"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\v': sb.Append("\\v"); continue;
            }
            if (rune == ' ' || (rune > 0x7F ? IsPrintable(value, i) : rune > 0x20 && rune < 0x7F))
            {
                sb.Append(value, i, width);
            }
            else if (rune < 0x80)
            {
                sb.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (rune < 0x10000)
            {
                sb.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
            }
            i += width - 1;
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols (and ASCII space).</summary>
    private static bool IsPrintable(string s, int index)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(s, index))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return false;
            default:
                return true;
        }
    }
}
