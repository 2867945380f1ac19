using System.Diagnostics;
using System.Text;

namespace ContainerOpt.Core.IO;

/// <summary>How every process the product starts is set up: no shell, no window, UTF-8 output captured, arguments as a list.</summary>
public static class ProcessStarts
{
    /// <summary>
    /// A start for <paramref name="fileName"/> with standard input, output and error redirected. The arguments go in as a
    /// list: <see cref="CommandLineQuoting.Join"/> makes the one string this netstandard2.0 build can pass, which Windows'
    /// CommandLineToArgvW and .NET's Unix parser split back into exactly that list (net8.0 callers may use ArgumentList instead).
    /// </summary>
    public static ProcessStartInfo Redirected(string fileName, IEnumerable<string>? arguments = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        if (arguments is not null)
        {
            start.Arguments = CommandLineQuoting.Join(arguments);
        }
        if (!string.IsNullOrEmpty(workingDirectory))
        {
            start.WorkingDirectory = workingDirectory;
        }
        return start;
    }
}
