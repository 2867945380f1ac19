namespace ContainerOpt.Images.Builders;

/// <summary>One line the builder printed, secrets masked; streamed to the caller (MSBuild log, console) as it arrives.</summary>
public readonly struct BuildOutputLine
{
    public BuildOutputLine(string text, bool isStandardError)
    {
        Text = text;
        IsStandardError = isStandardError;
    }

    public string Text { get; }

    public bool IsStandardError { get; }

    public override string ToString() => Text;
}
