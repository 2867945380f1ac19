using System.Text;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Keeps the last <see cref="Capacity"/> characters of a process's output: enough for an error message,
/// bounded however much a build prints.
/// </summary>
public sealed class OutputTail
{
    public const int Capacity = 64 * 1024;

    private readonly StringBuilder _text = new();

    public void AppendLine(string line)
    {
        lock (_text)
        {
            _text.Append(line).Append('\n');
            if (_text.Length > Capacity * 2)
            {
                _text.Remove(0, _text.Length - Capacity);
            }
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.Length > Capacity ? _text.ToString(_text.Length - Capacity, Capacity) : _text.ToString();
        }
    }
}
