namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// A fact computed on first read and kept. One analysis builds and reads its facts on one thread, so unlike
/// <see cref="Lazy{T}"/> this takes no lock and allocates nothing of its own (a Lazy and its closure per fact
/// per file were a measurable share of linting a typical file). Hold it in a non-readonly field; pass a static
/// lambda so no delegate is allocated per read.
/// </summary>
internal struct Fact<T>
{
    private T _value;
    private bool _known;

    public T Get<TState>(TState state, Func<TState, T> compute)
    {
        if (!_known)
        {
            _value = compute(state);
            _known = true;
        }
        return _value;
    }
}
