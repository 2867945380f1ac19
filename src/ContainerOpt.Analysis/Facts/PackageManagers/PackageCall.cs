using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>What a package-manager command does.</summary>
public enum PackageOp
{
    /// <summary>Refreshes the package index (<c>apt-get update</c>, <c>apk update</c>, <c>yum makecache</c>).</summary>
    Update,

    /// <summary>Installs or upgrades packages or a project's dependencies.</summary>
    Install,

    /// <summary>Builds a project and restores its dependencies on the way (<c>dotnet publish</c>, <c>mvn package</c>).</summary>
    Build,

    /// <summary>Cleans the manager's cache (<c>apt-get clean</c>, <c>yum clean all</c>, <c>npm cache clean --force</c>).</summary>
    Clean,

    /// <summary>Removes packages (<c>apt-get purge</c>, <c>apk del</c>, <c>pip uninstall</c>, <c>npm prune</c>).</summary>
    Remove,
}

/// <summary>
/// A package-manager command, understood: which manager, what it does, its verb and the words it acts on,
/// read with that manager's one table of options that take a value.
/// </summary>
public sealed class PackageCall
{
    internal PackageCall(string manager, PackageOp op, ShellCommand command, string program, string verb,
        IReadOnlyList<ShellWord> arguments, IReadOnlyList<ShellWord> positionals, IReadOnlyList<ShellWord> operands, string? display = null)
    {
        Manager = manager;
        Op = op;
        Command = command;
        _program = program;
        _display = display;
        Verb = verb;
        Arguments = arguments;
        Positionals = positionals;
        Operands = operands;
    }

    /// <summary>apt, apk, yum, dnf, zypper, pip, uv, pipenv, poetry, npm, yarn, pnpm, gem, bundle, nuget, go, cargo, composer, pecl, maven, conda.</summary>
    public string Manager { get; }

    public PackageOp Op { get; }

    public ShellCommand Command { get; }

    /// <summary>The program as run (<c>apt-get</c>, <c>pip3</c>, <c>python3</c> for <c>python3 -m pip</c>).</summary>
    public string Program => Command.Name;

    /// <summary>The program and its subcommand as written: <c>apt-get update</c>, <c>npm ci</c>, <c>python3 -m pip install</c>.</summary>
    /// <remarks>Unless given, joined when first read (mostly for a message): every package-manager command of every RUN is a call.</remarks>
    public string Display => _display ??= Verb.Length == 0 ? _program : _program + " " + Verb;

    private readonly string _program;
    private string? _display;

    /// <summary>The subcommand words: <c>install</c>, <c>module install</c>, <c>cache clean</c>; empty for a bare <c>yarn</c>.</summary>
    public string Verb { get; }

    /// <summary>The manager's own arguments (after <c>-m pip</c> for <c>python -m pip</c>), flags included.</summary>
    public IReadOnlyList<ShellWord> Arguments { get; }

    /// <summary>The arguments that are neither options nor option values, the verb words included.</summary>
    public IReadOnlyList<ShellWord> Positionals { get; }

    /// <summary>Positional arguments after the subcommand: packages, requirement files, goals.</summary>
    public IReadOnlyList<ShellWord> Operands { get; }

    /// <summary>Package names without versions (<c>curl=7.88</c>, <c>flask==3.0</c>, <c>express@4</c> give the name).</summary>
    public IEnumerable<string> PackageNames => Operands.Select(o => PackageManagers.StripVersion(o.Value)).Where(n => n.Length > 0);

    /// <summary>True when any of the flags is among the manager's arguments (see <see cref="ShellCommand.HasFlag"/>).</summary>
    public bool HasFlag(params string[] names) => OptionTable.HasFlag(Arguments, names);

    public override string ToString() => Display;
}
