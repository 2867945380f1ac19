using System.Collections;

namespace ContainerOpt.Dockerfile.Collections;

/// <summary>
/// A read-only view of a range of an array: how the syntax tree, the model and the facts hand out their lists (a file's
/// instructions, a stage's, an instruction's arguments and flags, a script's commands, a command's words). Every rule
/// loops over them: <c>foreach</c> over a view allocates nothing and its <see cref="Count"/> and indexer are direct
/// calls, where an <see cref="IReadOnlyList{T}"/> boxes an enumerator per loop and dispatches every call through an
/// interface (per RUN and per rule, that was most of what a file of 300,000 RUNs allocated, and about a tenth of a
/// native lint's time); an argument list is a view of the words, not a copy of them. It still is an
/// <see cref="IReadOnlyList{T}"/> for LINQ and for callers that take one.
/// (<see cref="ArraySegment{T}"/> would do, but its struct enumerator is not visible to netstandard2.0;
/// <c>ImmutableArray&lt;T&gt;</c> is a dependency whose version the net472 task would have to match with MSBuild's.)
/// </summary>
public readonly struct ArrayView<T> : IReadOnlyList<T>
{
    private static readonly T[] None = new T[0];

    private readonly T[]? _items;
    private readonly int _start;

    public ArrayView(T[] items) : this(items, 0, items.Length)
    {
    }

    public ArrayView(T[] items, int start, int count)
    {
        if ((uint)start > (uint)items.Length || (uint)count > (uint)(items.Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }
        _items = items;
        _start = start;
        Count = count;
    }

    public static ArrayView<T> Empty => default;

    /// <summary>A view of the whole array, which the caller gives away.</summary>
    public static implicit operator ArrayView<T>(T[] items) => new(items);

    public int Count { get; }

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }
            return _items![_start + index];
        }
    }

    /// <summary>The items from <paramref name="start"/> on, as a view of the same array.</summary>
    public ArrayView<T> Slice(int start) => start >= Count ? default : new ArrayView<T>(_items!, _start + start, Count - start);

    /// <summary><paramref name="count"/> items from <paramref name="start"/>, as a view of the same array.</summary>
    public ArrayView<T> Slice(int start, int count)
    {
        if ((uint)start > (uint)Count || (uint)count > (uint)(Count - start))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }
        return count == 0 ? default : new ArrayView<T>(_items!, _start + start, count);
    }

    public Enumerator GetEnumerator() => new(_items ?? None, _start, Count);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[] _items;
        private readonly int _end;
        private int _index;

        internal Enumerator(T[] items, int start, int count)
        {
            _items = items;
            _index = start - 1;
            _end = start + count;
        }

        public T Current => _items[_index];

        object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _end;

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
