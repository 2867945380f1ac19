namespace ContainerOpt.Core.Text;

/// <summary>
/// A list as a finding's message argument ('a', 'b' and 'c', as <see cref="Prose.QuotedAnd"/> writes it), written when the
/// message is first read. The list rules (unpinned packages, one finding per instruction) are mostly suggestions that a
/// text report never prints, and writing their lists up front was 2% of a lint of many files. It holds its own copy of
/// the items, so it is as immutable as the text it stands for (<see cref="Diagnostics.Finding"/> formats late only then).
/// </summary>
public sealed class QuotedList
{
    private readonly string[] _items;
    private string? _text;

    public QuotedList(IEnumerable<string> items)
    {
        _items = items.ToArray();
    }

    /// <summary>The list as the message shows it; written once (two threads that both write it write the same text).</summary>
    public override string ToString() => _text ??= Prose.QuotedAnd(_items);
}
