using System.Collections;

namespace ContainerOpt.Core.Collections;

/// <summary>
/// A read-only view of a range of an array. The fact model hands out its per-command lists (a script's commands, a
/// command's words and arguments) as views: <c>foreach</c> over one allocates nothing, where an
/// <see cref="IReadOnlyList{T}"/> boxes an enumerator each time — per RUN and per rule, that was most of what a
/// file of 300,000 RUNs allocated — and an argument list is a view of the words, not a copy of them.
/// (<see cref="ArraySegment{T}"/> would do, but its struct enumerator is not visible to netstandard2.0.)
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
