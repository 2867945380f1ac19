using ContainerOpt.Analysis.Facts;

namespace ContainerOpt.Analysis.Tests.Infrastructure;

/// <summary>A build context given as a list of its files (folders are implied by them), for rules that ask what it holds.</summary>
internal sealed class ListedContextFiles : IContextFiles
{
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public ListedContextFiles(params string[] files)
    {
        foreach (var file in files)
        {
            string path = file.Trim('/');
            while (path.Length > 0)
            {
                _paths.Add(path);
                int slash = path.LastIndexOf('/');
                path = slash < 0 ? "" : path.Substring(0, slash);
            }
        }
    }

    public bool Exists(string relativePath) => _paths.Contains(relativePath.Trim('/'));

    public bool AnyMatch(string relativePattern)
    {
        var regex = PathGlob.ToRegex(relativePattern.Trim('/'), doubleStarCrossesFolders: false);
        return _paths.Any(p => regex.IsMatch(p));
    }
}
