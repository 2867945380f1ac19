using ContainerOpt.Dockerfile.Expansion;

namespace ContainerOpt.Dockerfile.Semantics;

/// <summary>Whether a variable came from ARG or ENV: ENV always wins over an ARG of the same name.</summary>
public enum VariableKind
{
    Arg,
    Env,
}

/// <summary>
/// The variables visible at one point of a stage. Immutable: every ARG/ENV makes a new scope that
/// shares its parent, so each instruction keeps the scope it saw at no copying cost.
/// </summary>
public sealed class VariableScope : IVariableLookup
{
    private const int FlattenDepth = 32;

    private readonly VariableScope? _parent;
    private readonly Dictionary<string, string> _env;
    private readonly Dictionary<string, string> _args;
    private readonly int _depth;

    private VariableScope(VariableScope? parent, Dictionary<string, string> env, Dictionary<string, string> args, int depth)
    {
        _parent = parent;
        _env = env;
        _args = args;
        _depth = depth;
    }

    public static VariableScope Empty { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), 0);

    /// <summary>A scope with these bindings added (later ones win).</summary>
    public VariableScope With(VariableKind kind, IEnumerable<KeyValuePair<string, string>> bindings)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var b in bindings)
        {
            (kind == VariableKind.Env ? env : args)[b.Key] = b.Value;
        }
        if (_depth + 1 >= FlattenDepth)
        {
            // Keep lookups short on files with thousands of ARG/ENV lines.
            var flatEnv = new Dictionary<string, string>(StringComparer.Ordinal);
            var flatArgs = new Dictionary<string, string>(StringComparer.Ordinal);
            CopyInto(flatEnv, flatArgs);
            foreach (var e in env) flatEnv[e.Key] = e.Value;
            foreach (var a in args) flatArgs[a.Key] = a.Value;
            return new VariableScope(null, flatEnv, flatArgs, 0);
        }
        return new VariableScope(this, env, args, _depth + 1);
    }

    public VariableScope With(VariableKind kind, string name, string value) =>
        With(kind, new[] { new KeyValuePair<string, string>(name, value) });

    private void CopyInto(Dictionary<string, string> env, Dictionary<string, string> args)
    {
        _parent?.CopyInto(env, args);
        foreach (var e in _env) env[e.Key] = e.Value;
        foreach (var a in _args) args[a.Key] = a.Value;
    }

    public bool TryGetValue(string name, out string value)
    {
        for (var s = this; s is not null; s = s._parent)
        {
            if (s._env.TryGetValue(name, out value!)) return true;
        }
        for (var s = this; s is not null; s = s._parent)
        {
            if (s._args.TryGetValue(name, out value!)) return true;
        }
        value = "";
        return false;
    }

    /// <summary>Where the visible value of a name came from, or null when unset.</summary>
    public VariableKind? KindOf(string name)
    {
        for (var s = this; s is not null; s = s._parent)
        {
            if (s._env.ContainsKey(name)) return VariableKind.Env;
        }
        for (var s = this; s is not null; s = s._parent)
        {
            if (s._args.ContainsKey(name)) return VariableKind.Arg;
        }
        return null;
    }

    /// <summary>All visible names with their values (ENV over ARG).</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        CopyInto(env, args);
        foreach (var e in env) args[e.Key] = e.Value;
        return args;
    }

    /// <summary>Only the ENV part (what a child stage inherits).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOnly()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        CopyInto(env, args);
        return env;
    }
}
