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
        (_history ?? new History()).Extend(_version, kind, name, value);

    /// <summary>
    /// Ends the growth of this scope's history in place: reads then take no lock, and extending its newest scope
    /// gives a history of its own (as a branch does). The model seals its scopes once built: they are read on any thread.
    /// </summary>
    internal void Seal() => _history?.Seal();

    /// <summary>
    /// An empty scope of a new history that also sees this sealed scope's variables, under its own: the model's global
    /// scope on the automatic platform ARGs, which every file has, so their table is made once, not once per file.
    /// </summary>
    internal VariableScope Layered()
    {
        if (_history is null)
        {
            return Empty;
        }
        _history.Seal();
        return new VariableScope(new History(_history, _version), 0);
    }

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

    /// <summary>The names of <paramref name="kind"/>, then those of <paramref name="then"/> over them (no params array made per call).</summary>
    private Dictionary<string, string> Visible(VariableKind kind, VariableKind? then = null)
    {
        var visible = new Dictionary<string, string>(StringComparer.Ordinal);
        _history?.CopyVisible(kind, _version, visible);
        if (then is { } second)
        {
            _history?.CopyVisible(second, _version, visible);
        }
        return visible;
    }

    /// <summary>
    /// Every value each name took in one line of scopes, oldest first. Until sealed its members lock it: a scope may be
    /// extended on one thread while older scopes of the same history are read on another.
    /// </summary>
    private sealed class History
    {
        /// <summary>ENV wins over an ARG of the same name.</summary>
        private static readonly VariableKind[] EnvFirst = { VariableKind.Env, VariableKind.Arg };

        // Made on the first binding of their kind (many stages bind no ENV, or no ARG), sized for it.
        private Dictionary<string, Values>? _env;
        private Dictionary<string, Values>? _args;

        /// <summary>The version of the newest scope: only that scope may extend this history.</summary>
        private int _head;

        /// <summary>Set once nothing more is added in place (<see cref="VariableScope.Seal"/>): reads no longer lock.</summary>
        private volatile bool _sealed;

        /// <summary>A sealed history seen at <see cref="_baseVersion"/> under every version of this one (its bindings are older).</summary>
        private readonly History? _base;
        private readonly int _baseVersion;

        public History()
        {
        }

        public History(History? sealedBase, int baseVersion)
        {
            _base = sealedBase;
            _baseVersion = baseVersion;
        }

        public void Seal()
        {
            if (_sealed)
            {
                return;
            }
            lock (this)
            {
                _sealed = true;
            }
        }

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
                var history = version == _head && !_sealed ? this : Fork(version);
                int next = history._head + 1;
                history.Reserve(kind, list.Count);
                for (int i = 0; i < list.Count; i++)
                {
                    history.Bind(kind, list[i].Key, list[i].Value, next);
                }
                history._head = next;
                return new VariableScope(history, next);
            }
        }

        /// <summary>As the other <see cref="Extend(int, VariableKind, IEnumerable{KeyValuePair{string, string}})"/>, for one binding (an ARG's).</summary>
        public VariableScope Extend(int version, VariableKind kind, string name, string value)
        {
            lock (this)
            {
                var history = version == _head && !_sealed ? this : Fork(version);
                int next = history._head + 1;
                history.Bind(kind, name, value, next);
                history._head = next;
                return new VariableScope(history, next);
            }
        }

        public bool TryGet(string name, int version, out string value, out VariableKind kind)
        {
            if (_sealed)
            {
                return TryGetUnlocked(name, version, out value, out kind);
            }
            lock (this)
            {
                return TryGetUnlocked(name, version, out value, out kind);
            }
        }

        private bool TryGetUnlocked(string name, int version, out string value, out VariableKind kind)
        {
            foreach (var candidate in EnvFirst)
            {
                if (NamesOf(candidate) is { } names && names.TryGetValue(name, out var values) && values.TryAt(version, out value))
                {
                    kind = candidate;
                    return true;
                }
                // The base's bindings are older than this history's: a name of the kind bound here hides them.
                if (_base?.NamesOf(candidate) is { } baseNames && baseNames.TryGetValue(name, out var baseValues) && baseValues.TryAt(_baseVersion, out value))
                {
                    kind = candidate;
                    return true;
                }
            }
            value = "";
            kind = default;
            return false;
        }

        public void CopyVisible(VariableKind kind, int version, Dictionary<string, string> into)
        {
            if (_sealed)
            {
                CopyVisibleUnlocked(kind, version, into);
                return;
            }
            lock (this)
            {
                CopyVisibleUnlocked(kind, version, into);
            }
        }

        private void CopyVisibleUnlocked(VariableKind kind, int version, Dictionary<string, string> into)
        {
            // The base first, in its order: this history's values of the same names then replace its values in place.
            _base?.CopyVisibleUnlocked(kind, _baseVersion, into);
            if (NamesOf(kind) is not { } names)
            {
                return;
            }
            foreach (var pair in names)
            {
                if (pair.Value.TryAt(version, out var value))
                {
                    into[pair.Key] = value;
                }
            }
        }

        /// <summary>A history whose first version holds what a scope at <paramref name="version"/> of this one sees.</summary>
        private History Fork(int version)
        {
            // Called under this history's lock (or once sealed): its names are read directly, in their order.
            var fork = new History(_base, _baseVersion) { _head = 1 };
            foreach (var kind in EnvFirst)
            {
                if (NamesOf(kind) is not { } names)
                {
                    continue;
                }
                foreach (var pair in names)
                {
                    if (pair.Value.TryAt(version, out var value))
                    {
                        fork.Bind(kind, pair.Key, value, 1);
                    }
                }
            }
            return fork;
        }

        private Dictionary<string, Values>? NamesOf(VariableKind kind) => kind == VariableKind.Env ? _env : _args;

        /// <summary>Room for <paramref name="count"/> more names of a kind before they are bound (no regrowth on the way).</summary>
        private void Reserve(VariableKind kind, int count)
        {
            if (count > 1 && NamesOf(kind) is null)
            {
                var names = new Dictionary<string, Values>(count, StringComparer.Ordinal);
                if (kind == VariableKind.Env) _env = names; else _args = names;
            }
        }

        private void Bind(VariableKind kind, string name, string value, int version)
        {
            var names = NamesOf(kind);
            if (names is null)
            {
                names = new Dictionary<string, Values>(StringComparer.Ordinal);
                if (kind == VariableKind.Env) _env = names; else _args = names;
            }
            names.TryGetValue(name, out var values);
            names[name] = values.With(new Binding(version, value));
        }
    }

    /// <summary>
    /// The values one name took, oldest first. Most names are bound once: that value is kept inline, and only a
    /// name bound again gets a list.
    /// </summary>
    private readonly struct Values
    {
        private readonly Binding _first;
        private readonly List<Binding>? _more;
        private readonly bool _any;

        private Values(Binding first, List<Binding>? more)
        {
            _first = first;
            _more = more;
            _any = true;
        }

        public Values With(Binding binding)
        {
            if (!_any)
            {
                return new Values(binding, null);
            }
            var last = _more is { Count: > 0 } ? _more[_more.Count - 1] : _first;
            // Within one version (one ENV or ARG line) the later binding of a name wins.
            if (last.Version == binding.Version)
            {
                if (_more is { Count: > 0 })
                {
                    _more[_more.Count - 1] = binding;
                    return this;
                }
                return new Values(binding, _more);
            }
            var more = _more ?? new List<Binding>(1);
            more.Add(binding);
            return new Values(_first, more);
        }

        /// <summary>The newest value at or before <paramref name="version"/> (a binary search among the values).</summary>
        public bool TryAt(int version, out string value)
        {
            value = "";
            if (!_any || _first.Version > version)
            {
                return false;
            }
            value = _first.Value;
            if (_more is null)
            {
                return true;
            }
            int low = 0, high = _more.Count - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) >> 1);
                if (_more[middle].Version <= version)
                {
                    value = _more[middle].Value;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return true;
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
