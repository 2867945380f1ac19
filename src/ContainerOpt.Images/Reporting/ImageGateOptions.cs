using System.Globalization;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// The image gates: ContainerOptMaxImageSize, ContainerOptMaxWastedBytes, ContainerOptMinEfficiency.
/// Null means the gate is off.
/// </summary>
public sealed class ImageGateOptions
{
    public long? MaxImageSize { get; set; }

    public long? MaxWastedBytes { get; set; }

    /// <summary>A fraction in [0, 1].</summary>
    public double? MinEfficiency { get; set; }

    /// <summary>
    /// Reads the MSBuild property values; empty means off. Sizes as <see cref="ByteSize.Parse"/> reads
    /// them, efficiency as a fraction ("0.9") or a percentage ("90%"). Throws <see cref="FormatException"/>.
    /// </summary>
    public static ImageGateOptions FromProperties(string? maxImageSize, string? maxWastedBytes, string? minEfficiency) => new()
    {
        MaxImageSize = string.IsNullOrWhiteSpace(maxImageSize) ? null : ByteSize.Parse(maxImageSize!),
        MaxWastedBytes = string.IsNullOrWhiteSpace(maxWastedBytes) ? null : ByteSize.Parse(maxWastedBytes!),
        MinEfficiency = string.IsNullOrWhiteSpace(minEfficiency) ? null : ParseEfficiency(minEfficiency!),
    };

    public static double ParseEfficiency(string text)
    {
        string value = text.Trim();
        bool percent = value.EndsWith('%');
        if (percent) value = value.Substring(0, value.Length - 1).TrimEnd();
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)
            || (percent ? number > 100 : number > 1))
        {
            throw new FormatException($"'{text}' is not an efficiency: write a fraction between 0 and 1 (0.9) or a percentage (90%).");
        }
        return percent ? number / 100 : number;
    }
}
