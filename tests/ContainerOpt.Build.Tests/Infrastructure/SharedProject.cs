namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>
/// One restored scratch project that several tests build in turn, each with its own project
/// properties and Dockerfiles: a restore and a cold compile paid once instead of per test. Builds
/// on it are serialized; every use rewrites the project file with that test's properties and
/// builds with --no-restore (the PackageReference never changes, so the restore stays valid).
/// </summary>
internal sealed class SharedProject
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _name;
    private readonly Func<string, string> _projectXml;
    private Scratch? _scratch;

    /// <param name="name">Folder and project name.</param>
    /// <param name="projectXml">The project file for the given extra properties.</param>
    public SharedProject(string name, Func<string, string> projectXml)
    {
        _name = name;
        _projectXml = projectXml;
    }

    /// <summary>A net10.0 class library referencing ContainerOpt.Build (the cheapest project to build).</summary>
    public static SharedProject Library(string name) =>
        new(name, properties => Scratch.ProjectXml("Microsoft.NET.Sdk", "net10.0", "Library", properties, Scratch.PackageReference));

    /// <summary>
    /// Runs <paramref name="use"/> alone on the project after writing its project file with
    /// <paramref name="properties"/>; <paramref name="use"/> gets the scratch folder and the project path.
    /// </summary>
    public T Use<T>(string properties, Func<Scratch, string, T> use)
    {
        _gate.Wait();
        try
        {
            var scratch = EnsureCreated();
            var project = scratch.Write($"{_name}/{_name}.csproj", _projectXml(properties));
            return use(scratch, project);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Scratch EnsureCreated()
    {
        if (_scratch is not null)
        {
            return _scratch;
        }
        var scratch = new Scratch("shared-" + _name);
        scratch.Write($"{_name}/Class1.cs", $"namespace {_name.Replace('-', '_')};\n\npublic static class Class1\n{{\n    public static int Value => 1;\n}}\n");
        var project = scratch.Write($"{_name}/{_name}.csproj", _projectXml(""));
        var restore = scratch.Dotnet("restore", project, "-nologo", "-tl:off");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("restore of the shared project failed: " + restore.Describe());
        }
        _scratch = scratch;
        return scratch;
    }
}
