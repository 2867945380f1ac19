namespace ContainerOpt.Generation;

/// <summary>The generator's result: file texts and where they belong.</summary>
public sealed class GeneratedFiles
{
    public GeneratedFiles(string dockerfile, string dockerIgnore, string contextDirectory, string dockerfilePath, string dockerIgnorePath, IReadOnlyList<string> notes)
    {
        Dockerfile = dockerfile;
        DockerIgnore = dockerIgnore;
        ContextDirectory = contextDirectory;
        DockerfilePath = dockerfilePath;
        DockerIgnorePath = dockerIgnorePath;
        Notes = notes;
    }

    public string Dockerfile { get; }
    public string DockerIgnore { get; }

    /// <summary>The build context: the folder that holds the project and every restore input.</summary>
    public string ContextDirectory { get; }

    /// <summary>Where the Dockerfile goes (beside the project).</summary>
    public string DockerfilePath { get; }

    /// <summary>Where the .dockerignore goes (in the context folder).</summary>
    public string DockerIgnorePath { get; }

    /// <summary>Decisions worth telling the user (chosen base image and why).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// The files to write, Dockerfile first: where they belong, or both in <paramref name="outputDirectory"/>
    /// when one is given (obj/ for review, the CLI's --output).
    /// </summary>
    public IReadOnlyList<(string Path, string Content)> Targets(string? outputDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            return new[] { (DockerfilePath, Dockerfile), (DockerIgnorePath, DockerIgnore) };
        }
        string folder = System.IO.Path.GetFullPath(outputDirectory);
        return new[] { (System.IO.Path.Combine(folder, "Dockerfile"), Dockerfile), (System.IO.Path.Combine(folder, ".dockerignore"), DockerIgnore) };
    }
}
