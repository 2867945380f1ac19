using System.Globalization;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// Sizes as people write them in MSBuild properties ("500MB", "1.5GiB", "200 MB", "200000000") and
/// as the report prints them. Decimal units are powers of 1000 (MB = 10^6), binary ones of 1024
/// (MiB = 2^20); units are case-insensitive.
/// </summary>
public static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
    {
        ("B", 1),
        ("KB", 1000L), ("MB", 1000L * 1000), ("GB", 1000L * 1000 * 1000), ("TB", 1000L * 1000 * 1000 * 1000),
        ("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30), ("TIB", 1L << 40),
    };

    /// <summary>Parses a size; fractions round to the nearest byte. Throws <see cref="FormatException"/> on anything else.</summary>
    public static long Parse(string text)
    {
        if (TryParse(text, out long bytes, out string? error)) return bytes;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out long bytes) => TryParse(text, out bytes, out _);

    private static bool TryParse(string? text, out long bytes, out string? error)
    {
        bytes = 0;
        string value = (text ?? "").Trim();
        int end = 0;
        while (end < value.Length && (char.IsDigit(value[end]) || value[end] == '.')) end++;
        string number = value.Substring(0, end);
        string unit = value.Substring(end).Trim().ToUpperInvariant();
        long factor = unit.Length == 0 ? 1 : Units.FirstOrDefault(u => u.Unit == unit).Factor;
        if (number.Length == 0 || factor == 0
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
        {
            error = $"'{text}' is not a size: write a number of bytes with an optional unit, e.g. 500MB, 1.5GiB, 200 MB or 200000000 (B, KB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB powers of 1024).";
            return false;
        }
        decimal total = amount * factor;
        if (total > long.MaxValue)
        {
            error = $"'{text}' is too large.";
            return false;
        }
        bytes = (long)Math.Round(total, MidpointRounding.AwayFromZero);
        error = null;
        return true;
    }

    /// <summary>Three significant digits in decimal units, as docker prints sizes: "5.24 MB", "145 B", "1.02 GB".</summary>
    public static string Format(long bytes)
    {
        if (bytes < 0) return "-" + Format(-bytes);
        if (bytes < 1000) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        string[] units = { "kB", "MB", "GB", "TB", "PB", "EB" };
        double value = bytes;
        int unit = -1;
        while (value >= 999.5 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        string digits = value >= 99.95 ? value.ToString("0", CultureInfo.InvariantCulture)
            : value >= 9.995 ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("0.00", CultureInfo.InvariantCulture);
        return digits + " " + units[unit];
    }

    /// <summary>A fraction as a percentage with one decimal and no space: "16.7%" (invariant culture puts a space before %).</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
