using System.Text;

namespace ContainerOpt.Core.IO;

/// <summary>
/// Builds one command-line string from an argument list so that Windows' CommandLineToArgvW and .NET's
/// own Unix argument parser (ProcessStartInfo.Arguments) split it back into exactly the same list.
/// Needed where ProcessStartInfo.ArgumentList does not exist (netstandard2.0, loaded by Visual Studio).
/// </summary>
public static class CommandLineQuoting
{
    public static string Join(IEnumerable<string> arguments)
    {
        var builder = new StringBuilder();
        foreach (string argument in arguments)
        {
            if (builder.Length > 0) builder.Append(' ');
            AppendQuoted(builder, argument);
        }
        return builder.ToString();
    }

    public static string Quote(string argument)
    {
        var builder = new StringBuilder();
        AppendQuoted(builder, argument);
        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string argument)
    {
        if (argument.Length > 0 && !NeedsQuotes(argument))
        {
            builder.Append(argument);
            return;
        }

        builder.Append('"');
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }
            if (c == '"')
            {
                // Backslashes before a quote are escapes there: double them, then escape the quote.
                builder.Append('\\', backslashes * 2 + 1).Append('"');
            }
            else
            {
                builder.Append('\\', backslashes).Append(c);
            }
            backslashes = 0;
        }
        // Trailing backslashes precede the closing quote: double them so it stays a delimiter.
        builder.Append('\\', backslashes * 2).Append('"');
    }

    private static bool NeedsQuotes(string argument)
    {
        foreach (char c in argument)
        {
            if (c == '"' || char.IsWhiteSpace(c)) return true;
        }
        return false;
    }
}
