namespace ContainerOpt.Images.Layers;

/// <summary>Keeps the N best items seen (by a comparison: positive = ranks first), in O(N) memory whatever the number offered.</summary>
internal sealed class TopN<T>
{
    private readonly int _capacity;
    private readonly Comparison<T> _ranksFirst;
    private readonly List<T> _items;

    public TopN(int capacity, Comparison<T> ranksFirst)
    {
        _capacity = capacity;
        _ranksFirst = ranksFirst;
        _items = new List<T>(Math.Max(0, capacity));
    }

    public void Offer(T item)
    {
        if (_capacity <= 0) return;
        if (_items.Count < _capacity)
        {
            _items.Add(item);
            return;
        }
        int worst = 0;
        for (int i = 1; i < _items.Count; i++)
        {
            if (_ranksFirst(_items[worst], _items[i]) > 0) worst = i;
        }
        if (_ranksFirst(item, _items[worst]) > 0) _items[worst] = item;
    }

    /// <summary>Best first.</summary>
    public IReadOnlyList<T> Sorted()
    {
        var sorted = _items.ToList();
        sorted.Sort((a, b) => _ranksFirst(b, a));
        return sorted;
    }
}
