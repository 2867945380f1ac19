using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Images.Reporting;

/// <summary>One gate the project set, and how the image fared: what is allowed, what the image has, the finding when it fails.</summary>
public sealed class ImageGateResult
{
    public ImageGateResult(string name, string setting, string threshold, string actual, Finding? finding)
    {
        Name = name;
        Setting = setting;
        Threshold = threshold;
        Actual = actual;
        Finding = finding;
    }

    /// <summary>"Image size", "Wasted bytes", "Efficiency"; a failed gate this list does not know is named by its finding's title.</summary>
    public string Name { get; }

    /// <summary>What set the limit: the MSBuild property, the command-line flag or the .dive-ci rule.</summary>
    public string Setting { get; }

    /// <summary>The limit as the user wrote it, formatted: "at most 500 MB", "at least 90.0%".</summary>
    public string Threshold { get; }

    /// <summary>The image's value, formatted: "520 MB".</summary>
    public string Actual { get; }

    /// <summary>The failure; null when the gate passes.</summary>
    public Finding? Finding { get; }

    public bool Passed => Finding is null;

    public override string ToString() => $"{Name}: {Actual} ({Threshold}) {(Passed ? "pass" : "fail")}";
}
