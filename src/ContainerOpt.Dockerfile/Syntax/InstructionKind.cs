using System.Runtime.CompilerServices;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>Dockerfile instructions. <see cref="Unknown"/> is kept in the tree and reported, never dropped.</summary>
/// <remarks>
/// A byte: with the two flags of <see cref="InstructionSyntax"/> it fills one word of the instruction, which is 8 bytes
/// smaller than with an int kind (an object of every instruction of every file).
/// </remarks>
public enum InstructionKind : byte
{
    Unknown,
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    StopSignal,
    User,
    Volume,
    Workdir,
}

public static class InstructionKinds
{
    /// <summary>Maps an instruction keyword (any case) to its kind.</summary>
    public static InstructionKind FromKeyword(string keyword)
    {
        // Ordinal-ignore-case comparisons: no lower-cased copy per instruction.
        foreach (var (name, kind) in Table)
        {
            if (name.Length == keyword.Length && string.Equals(name, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        return InstructionKind.Unknown;
    }

    private static readonly (string Name, InstructionKind Kind)[] Table =
    {
        ("RUN", InstructionKind.Run), ("COPY", InstructionKind.Copy), ("ENV", InstructionKind.Env),
        ("FROM", InstructionKind.From), ("ARG", InstructionKind.Arg), ("WORKDIR", InstructionKind.Workdir),
        ("LABEL", InstructionKind.Label), ("ADD", InstructionKind.Add), ("CMD", InstructionKind.Cmd),
        ("ENTRYPOINT", InstructionKind.Entrypoint), ("EXPOSE", InstructionKind.Expose), ("USER", InstructionKind.User),
        ("VOLUME", InstructionKind.Volume), ("HEALTHCHECK", InstructionKind.Healthcheck), ("SHELL", InstructionKind.Shell),
        ("STOPSIGNAL", InstructionKind.StopSignal), ("ONBUILD", InstructionKind.Onbuild), ("MAINTAINER", InstructionKind.Maintainer),
    };

    /// <summary>Every instruction keyword, upper-case, in alphabetical order.</summary>
    public static IReadOnlyList<string> Keywords { get; } = Table.Select(entry => entry.Name).OrderBy(name => name, StringComparer.Ordinal).ToArray();

    /// <summary>The keyword's own string (and its kind) when <paramref name="text"/>[start..start+length) is a keyword in upper case, else null.</summary>
    public static string? UpperCaseKeyword(string text, int start, int length, out InstructionKind kind)
    {
        // The one candidate of its length and first letter, then one comparison (not a walk through the table per line).
        (string Name, InstructionKind Kind) candidate = length == 0 ? default : (length, text[start]) switch
        {
            (3, 'R') => ("RUN", InstructionKind.Run),
            (3, 'E') => ("ENV", InstructionKind.Env),
            (3, 'A') => text[start + 1] == 'R' ? ("ARG", InstructionKind.Arg) : ("ADD", InstructionKind.Add),
            (3, 'C') => ("CMD", InstructionKind.Cmd),
            (4, 'C') => ("COPY", InstructionKind.Copy),
            (4, 'F') => ("FROM", InstructionKind.From),
            (4, 'U') => ("USER", InstructionKind.User),
            (5, 'L') => ("LABEL", InstructionKind.Label),
            (5, 'S') => ("SHELL", InstructionKind.Shell),
            (6, 'E') => ("EXPOSE", InstructionKind.Expose),
            (6, 'V') => ("VOLUME", InstructionKind.Volume),
            (7, 'W') => ("WORKDIR", InstructionKind.Workdir),
            (7, 'O') => ("ONBUILD", InstructionKind.Onbuild),
            (10, 'E') => ("ENTRYPOINT", InstructionKind.Entrypoint),
            (10, 'S') => ("STOPSIGNAL", InstructionKind.StopSignal),
            (10, 'M') => ("MAINTAINER", InstructionKind.Maintainer),
            (11, 'H') => ("HEALTHCHECK", InstructionKind.Healthcheck),
            _ => default,
        };
        if (candidate.Name is not null && SameChars(candidate.Name, text, start))
        {
            kind = candidate.Kind;
            return candidate.Name;
        }
        kind = InstructionKind.Unknown;
        return null;
    }

    /// <summary>True when <paramref name="text"/> holds <paramref name="name"/> at <paramref name="start"/> (a keyword: a few characters, compared in place).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once for each instruction: the call cost more than the comparison
    private static bool SameChars(string name, string text, int start)
    {
        for (int i = 1; i < name.Length; i++)
        {
            if (text[start + i] != name[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The canonical upper-case keyword.</summary>
    public static string ToKeyword(this InstructionKind kind) => kind switch
    {
        InstructionKind.StopSignal => "STOPSIGNAL",
        InstructionKind.Unknown => "",
        _ => kind.ToString().ToUpperInvariant(),
    };
}
