namespace ContainerOpt.Images.Archives;

/// <summary>
/// An image archive that cannot be used: corrupt or truncated data, a missing manifest or blob, an
/// image or platform not present. The message says what and where; callers report it as COPT0015.
/// </summary>
public sealed class ImageReadException : Exception
{
    public ImageReadException(string message) : base(message) { }

    public ImageReadException(string message, Exception inner) : base(message, inner) { }
}
