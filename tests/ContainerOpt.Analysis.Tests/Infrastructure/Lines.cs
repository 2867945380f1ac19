namespace ContainerOpt.Analysis.Tests.Infrastructure;

/// <summary>Compares lists of lines as one text, so a failure shows both lists whole.</summary>
internal static class Lines
{
    public static void Same(IEnumerable<string> expected, IEnumerable<string> actual, string? message = null) =>
        Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual), message);
}
