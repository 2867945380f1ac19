using ContainerOpt.Dockerfile.Expansion;

namespace ContainerOpt.Dockerfile.Semantics;

/// <summary>Whether a variable came from ARG or ENV: ENV always wins over an ARG of the same name.</summary>
public enum VariableKind
{
    Arg,
    Env,
}

/// <summary>
/// The variables visible at one point of a stage. Immutable: every ARG/ENV makes a new scope, and each
/// instruction keeps the scope it saw.
/// </summary>
/// <remarks>
/// The scopes of a stage share one <see cref="History"/>: every value each name took, tagged with the
/// version that bound it. A scope is a history and a version, and sees the newest value of each name
/// at or before its version. So a new scope costs only its own bindings (a stage of n ARG/ENV lines
/// holds n bindings, not n² copies) and a lookup is a binary search among the values of one name.
/// </remarks>
public sealed class VariableScope : IVariableLookup
{
    private readonly History? _history;
    private readonly int _version;

    private VariableScope(History? history, int version)
    {
        _history = history;
        _version = version;
    }

    public static VariableScope Empty { get; } = new(null, 0);

    /// <summary>A scope with these bindings added (later ones win).</summary>
    public VariableScope With(VariableKind kind, IEnumerable<KeyValuePair<string, string>> bindings) =>
        (_history ?? new History()).Extend(_version, kind, bindings);

    public VariableScope With(VariableKind kind, string name, string value) =>
        With(kind, new[] { new KeyValuePair<string, string>(name, value) });

    public bool TryGetValue(string name, out string value)
    {
        value = "";
        return _history is not null && _history.TryGet(name, _version, out value, out _);
    }

    /// <summary>Where the visible value of a name came from, or null when unset.</summary>
    public VariableKind? KindOf(string name) =>
        _history is not null && _history.TryGet(name, _version, out _, out var kind) ? kind : null;

    /// <summary>All visible names with their values (ENV over ARG).</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() => Visible(VariableKind.Arg, VariableKind.Env);

    /// <summary>Only the ENV part (what a child stage inherits).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOnly() => Visible(VariableKind.Env);

    private Dictionary<string, string> Visible(params VariableKind[] kinds)
    {
        var visible = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            _history?.CopyVisible(kind, _version, visible);
        }
        return visible;
    }

    /// <summary>
    /// Every value each name took in one line of scopes, oldest first. Its members lock it: a scope may be
    /// extended on one thread while older scopes of the same history are read on another.
    /// </summary>
    private sealed class History
    {
        /// <summary>ENV wins over an ARG of the same name.</summary>
        private static readonly VariableKind[] EnvFirst = { VariableKind.Env, VariableKind.Arg };

        private readonly Dictionary<string, List<Binding>> _env = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Binding>> _args = new(StringComparer.Ordinal);

        /// <summary>The version of the newest scope: only that scope may extend this history.</summary>
        private int _head;

        /// <summary>
        /// Adds the bindings as a new version after <paramref name="version"/>. Extending the newest version appends;
        /// a branch (an older version extended again, as two scopes made from one parent) gets a history of its own,
        /// holding what that version sees, so it never sees the other branch's later bindings.
        /// </summary>
        public VariableScope Extend(int version, VariableKind kind, IEnumerable<KeyValuePair<string, string>> bindings)
        {
            // Read the bindings first: an enumeration that fails half-way must not leave half a version behind.
            var list = bindings as IReadOnlyList<KeyValuePair<string, string>> ?? bindings.ToList();
            lock (this)
            {
                var history = version == _head ? this : Fork(version);
                int next = history._head + 1;
                for (int i = 0; i < list.Count; i++)
                {
                    history.Bind(kind, list[i].Key, list[i].Value, next);
                }
                history._head = next;
                return new VariableScope(history, next);
            }
        }

        public bool TryGet(string name, int version, out string value, out VariableKind kind)
        {
            lock (this)
            {
                foreach (var candidate in EnvFirst)
                {
                    if (NamesOf(candidate).TryGetValue(name, out var values))
                    {
                        int index = LastAtOrBefore(values, version);
                        if (index >= 0)
                        {
                            value = values[index].Value;
                            kind = candidate;
                            return true;
                        }
                    }
                }
            }
            value = "";
            kind = default;
            return false;
        }

        public void CopyVisible(VariableKind kind, int version, Dictionary<string, string> into)
        {
            lock (this)
            {
                foreach (var pair in NamesOf(kind))
                {
                    int index = LastAtOrBefore(pair.Value, version);
                    if (index >= 0)
                    {
                        into[pair.Key] = pair.Value[index].Value;
                    }
                }
            }
        }

        /// <summary>A history whose first version holds what a scope at <paramref name="version"/> of this one sees.</summary>
        private History Fork(int version)
        {
            var fork = new History { _head = 1 };
            foreach (var kind in EnvFirst)
            {
                var visible = new Dictionary<string, string>(StringComparer.Ordinal);
                CopyVisible(kind, version, visible);
                foreach (var pair in visible)
                {
                    fork.Bind(kind, pair.Key, pair.Value, 1);
                }
            }
            return fork;
        }

        private Dictionary<string, List<Binding>> NamesOf(VariableKind kind) => kind == VariableKind.Env ? _env : _args;

        private void Bind(VariableKind kind, string name, string value, int version)
        {
            var names = NamesOf(kind);
            if (!names.TryGetValue(name, out var values))
            {
                names[name] = values = new List<Binding>(1);
            }
            // Within one version (one ENV or ARG line) the later binding of a name wins.
            if (values.Count > 0 && values[values.Count - 1].Version == version)
            {
                values[values.Count - 1] = new Binding(version, value);
            }
            else
            {
                values.Add(new Binding(version, value));
            }
        }

        private static int LastAtOrBefore(List<Binding> values, int version)
        {
            int low = 0, high = values.Count - 1, found = -1;
            while (low <= high)
            {
                int middle = low + ((high - low) >> 1);
                if (values[middle].Version <= version)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return found;
        }
    }

    private readonly struct Binding
    {
        public Binding(int version, string value)
        {
            Version = version;
            Value = value;
        }

        public int Version { get; }
        public string Value { get; }
    }
}
