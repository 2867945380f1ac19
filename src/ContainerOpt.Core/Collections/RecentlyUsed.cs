namespace ContainerOpt.Core.Collections;

/// <summary>
/// The last few answers of a cache that several threads ask, the latest first. A run takes turns between a few
/// configurations, so a short list searched in order answers most questions without building a key. The array is
/// replaced whole and never changed, so readers need no lock; two threads adding at once may lose one answer, which only
/// costs its computing again.
/// </summary>
public sealed class RecentlyUsed<T> where T : class
{
    private T[] _items = Array.Empty<T>();

    public RecentlyUsed(int capacity) => Capacity = capacity;

    /// <summary>How many answers are kept.</summary>
    public int Capacity { get; }

    /// <summary>The answers kept now, the latest first (a snapshot: do not change it).</summary>
    public T[] Items => Volatile.Read(ref _items);

    /// <summary>Keeps <paramref name="item"/> first; the oldest answer goes when <see cref="Capacity"/> are kept.</summary>
    public void Add(T item)
    {
        var recent = Items;
        var kept = new T[Math.Min(recent.Length + 1, Capacity)];
        kept[0] = item;
        Array.Copy(recent, 0, kept, 1, kept.Length - 1);
        Volatile.Write(ref _items, kept);
    }
}
