using System.Text;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>
/// One script as the shell of a RUN gets it, in the dialect ShellCheck checks it for, with the variables
/// the stage declares (ARG, ENV) and the way from any offset of the script back to the exact source span.
/// The text is made of pieces (a RUN's command line, a heredoc body, a JSON string) each with its own map.
/// </summary>
public sealed class ShellCheckScript
{
    private readonly StringBuilder _text = new();
    private readonly List<Piece> _pieces = new();
    private string? _built;

    internal ShellCheckScript(InstructionSyntax run, ShellCheckDialect dialect, IReadOnlyCollection<string> variables)
    {
        Run = run;
        Dialect = dialect;
        Variables = variables;
    }

    /// <summary>The RUN (inside ONBUILD for a trigger).</summary>
    public InstructionSyntax Run { get; }

    public ShellCheckDialect Dialect { get; }

    /// <summary>Names the script may read without SC2154: the stage's ARG and ENV names and the proxy variables.</summary>
    public IReadOnlyCollection<string> Variables { get; }

    /// <summary>The script's text, exactly as the shell gets it.</summary>
    public string Text => _built ??= _text.ToString();

    /// <summary>Appends text whose characters [s, e) are the source span <paramref name="map"/>(s, e).</summary>
    internal ShellCheckScript Append(string text, Func<int, int, TextSpan> map)
    {
        if (text.Length == 0)
        {
            return this;
        }
        _pieces.Add(new Piece(_text.Length, text.Length, map));
        _text.Append(text);
        _built = null;
        return this;
    }

    /// <summary>Replaces characters at <paramref name="start"/> (same length, so every offset keeps its place).</summary>
    internal void Overwrite(int start, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            _text[start + i] = text[i];
        }
        _built = null;
    }

    /// <summary>The source span of script characters [start, end); a span crossing pieces covers both ends.</summary>
    public TextSpan SpanOf(int start, int end)
    {
        if (_pieces.Count == 0)
        {
            return Run.Span;
        }
        int length = _text.Length;
        start = Math.Max(0, Math.Min(start, length));
        end = Math.Max(start, Math.Min(end, length));
        var first = PieceAt(start);
        if (end <= first.End)
        {
            return first.Map(start - first.Start, end - first.Start);
        }
        var last = PieceAt(end - 1);
        return first.Map(start - first.Start, first.Length).Union(last.Map(0, end - last.Start));
    }

    private Piece PieceAt(int offset)
    {
        for (int i = _pieces.Count - 1; i >= 0; i--)
        {
            if (_pieces[i].Start <= offset)
            {
                return _pieces[i];
            }
        }
        return _pieces[0];
    }

    public override string ToString() => Text;

    private sealed class Piece
    {
        public Piece(int start, int length, Func<int, int, TextSpan> map)
        {
            Start = start;
            Length = length;
            Map = map;
        }

        public int Start { get; }
        public int Length { get; }
        public int End => Start + Length;
        public Func<int, int, TextSpan> Map { get; }
    }
}
