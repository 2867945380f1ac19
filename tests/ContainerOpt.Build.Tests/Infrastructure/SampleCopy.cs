namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>Copies one of samples/ to a folder of a test's own: every file but build output (bin/, obj/) and what the caller leaves out.</summary>
internal static class SampleCopy
{
    /// <param name="sample">The sample's folder under samples/ ("visual-studio", "generate/web-api").</param>
    /// <param name="target">The folder to copy into (created).</param>
    /// <param name="leaveOut">Relative paths not to copy, besides bin/ and obj/.</param>
    public static string To(string sample, string target, Func<string, bool>? leaveOut = null)
    {
        string source = Path.Combine(RunFixture.RepoRoot, "samples", sample);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj") || leaveOut?.Invoke(relative) == true)
            {
                continue;
            }
            string copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
