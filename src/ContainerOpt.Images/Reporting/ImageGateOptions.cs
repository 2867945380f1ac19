using System.Globalization;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// The image gates: ContainerOptMaxImageSize, ContainerOptMaxWastedBytes, ContainerOptMinEfficiency,
/// ContainerOptMaxUserWastedPercent (or the layers command's flags, or a .dive-ci file's rules). Null means the
/// gate is off. Each gate carries the name of the setting that set it, which its finding quotes.
/// </summary>
public sealed class ImageGateOptions
{
    public long? MaxImageSize { get; set; }

    public long? MaxWastedBytes { get; set; }

    /// <summary>A fraction in [0, 1].</summary>
    public double? MinEfficiency { get; set; }

    /// <summary>
    /// The most the layers above the base image may waste, as a fraction in [0, 1] of the bytes they add
    /// (<see cref="Layers.BaseImageSplit.UserWastedPercent"/>; dive's highestUserWastedPercent).
    /// </summary>
    public double? MaxUserWastedPercent { get; set; }

    public string MaxImageSizeSetting { get; set; } = "ContainerOptMaxImageSize";

    public string MaxWastedBytesSetting { get; set; } = "ContainerOptMaxWastedBytes";

    public string MinEfficiencySetting { get; set; } = "ContainerOptMinEfficiency";

    public string MaxUserWastedPercentSetting { get; set; } = "ContainerOptMaxUserWastedPercent";

    /// <summary>True when at least one gate is on.</summary>
    public bool Any => MaxImageSize is not null || MaxWastedBytes is not null || MinEfficiency is not null || MaxUserWastedPercent is not null;

    /// <summary>
    /// Reads the MSBuild property values; empty means off. Sizes as <see cref="ByteSize.Parse"/> reads
    /// them, efficiency and user-wasted share as a fraction ("0.9") or a percentage ("90%"). Throws <see cref="FormatException"/>.
    /// </summary>
    public static ImageGateOptions FromProperties(string? maxImageSize, string? maxWastedBytes, string? minEfficiency, string? maxUserWastedPercent = null) => new()
    {
        MaxImageSize = string.IsNullOrWhiteSpace(maxImageSize) ? null : ByteSize.Parse(maxImageSize!),
        MaxWastedBytes = string.IsNullOrWhiteSpace(maxWastedBytes) ? null : ByteSize.Parse(maxWastedBytes!),
        MinEfficiency = string.IsNullOrWhiteSpace(minEfficiency) ? null : ParseEfficiency(minEfficiency!),
        MaxUserWastedPercent = string.IsNullOrWhiteSpace(maxUserWastedPercent) ? null : ParseFraction(maxUserWastedPercent!, "a share of the added bytes"),
    };

    /// <summary>
    /// Fills the gates this object leaves off from a .dive-ci file's rules: a limit set here (an MSBuild property, a
    /// command-line flag) keeps priority; a rule the file disables (or leaves at dive's "disabled" default) adds nothing.
    /// Changes this object and returns it.
    /// </summary>
    public ImageGateOptions FillFrom(DiveCiConfig? config)
    {
        if (config is null) return this;
        if (MaxWastedBytes is null && config.HighestWastedBytes is { } wasted)
        {
            MaxWastedBytes = wasted;
            MaxWastedBytesSetting = config.SettingName(DiveCiConfig.HighestWastedBytesKey);
        }
        if (MinEfficiency is null && config.LowestEfficiency is { } efficiency)
        {
            MinEfficiency = efficiency;
            MinEfficiencySetting = config.SettingName(DiveCiConfig.LowestEfficiencyKey);
        }
        if (MaxUserWastedPercent is null && config.HighestUserWastedPercent is { } userWasted)
        {
            MaxUserWastedPercent = userWasted;
            MaxUserWastedPercentSetting = config.SettingName(DiveCiConfig.HighestUserWastedPercentKey);
        }
        return this;
    }

    public static double ParseEfficiency(string text) => ParseFraction(text, "an efficiency");

    /// <summary>A fraction between 0 and 1 ("0.9") or a percentage ("90%"); <paramref name="what"/> names it in the error.</summary>
    public static double ParseFraction(string text, string what)
    {
        string value = text.Trim();
        bool percent = value.EndsWith('%');
        if (percent) value = value.Substring(0, value.Length - 1).TrimEnd();
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)
            || (percent ? number > 100 : number > 1))
        {
            throw new FormatException($"'{text}' is not {what}: write a fraction between 0 and 1 (0.9) or a percentage (90%).");
        }
        return percent ? number / 100 : number;
    }
}
