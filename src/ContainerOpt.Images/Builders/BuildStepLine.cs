using System.Globalization;
using System.Text;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// The one line a finished step prints while an image builds, as <c>docker build</c> lists its steps: the builder's
/// label, the instruction on one line (cut with "…" to fit the column) and what happened, aligned in a column:
/// <c>[build 7/9] RUN dotnet restore            DONE 4.2s</c>, <c>… CACHED</c>, <c>… ERROR</c>, <c>… CANCELED</c>.
/// </summary>
public static class BuildStepLine
{
    /// <summary>Label and instruction together take this many characters; the status follows after a space.</summary>
    public const int Width = 60;

    public static string Format(BuildStep step)
    {
        if (step is null) throw new ArgumentNullException(nameof(step));
        string text = Label(step) + " " + OneLine(step.Instruction);
        if (text.Length > Width)
        {
            int cut = Width - 1;
            if (char.IsHighSurrogate(text[cut - 1])) cut--; // never split a character in two
            text = text.Substring(0, cut) + "…";
        }
        return text.PadRight(Width) + " " + Status(step);
    }

    /// <summary>The builder's own label: <c>[build 7/9]</c>, <c>[linux/arm64 build 3/7]</c>, <c>[3/4]</c>, <c>[stage-1 2/3]</c>.</summary>
    public static string Label(BuildStep step)
    {
        var label = new StringBuilder("[");
        if (step.Platform is not null) label.Append(step.Platform).Append(' ');
        // Step-by-step builders (legacy docker, podman) number stages; an unnamed one after the first is called as
        // BuildKit calls it: stage-1 is the second FROM.
        string? stage = step.StageName ?? (step.StageNumber > 1 ? "stage-" + (step.StageNumber - 1).ToString(CultureInfo.InvariantCulture) : null);
        if (stage is not null) label.Append(stage).Append(' ');
        label.Append(step.Index.ToString(CultureInfo.InvariantCulture));
        if (step.Total > 0) label.Append('/').Append(step.Total.ToString(CultureInfo.InvariantCulture));
        return label.Append(']').ToString();
    }

    /// <summary>BuildKit's words for a vertex's end: <c>ERROR</c>, <c>CANCELED</c>, <c>CACHED</c>, <c>DONE 4.2s</c>.</summary>
    public static string Status(BuildStep step)
    {
        if (step.Failed) return "ERROR";
        if (step.Canceled) return "CANCELED";
        if (step.Cached) return "CACHED";
        return step.Duration is TimeSpan duration
            ? "DONE " + duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : "DONE";
    }

    /// <summary>A continued instruction (BuildKit keeps the spaces of its continuation lines) on one line: runs of white space as one space.</summary>
    private static string OneLine(string instruction)
    {
        var text = new StringBuilder(instruction.Length);
        bool space = false;
        foreach (char c in instruction.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) text.Append(' ');
            space = false;
            text.Append(c);
        }
        return text.ToString();
    }
}
