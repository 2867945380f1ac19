using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Semantics;

/// <summary>Which flags each instruction accepts (BuildKit's instructions/parse.go), and of what kind.</summary>
public static class InstructionFlags
{
    public enum FlagKind
    {
        String,
        Bool,
        StringList,
    }

    private static readonly Dictionary<InstructionKind, Dictionary<string, FlagKind>> Allowed = new()
    {
        [InstructionKind.From] = new() { ["platform"] = FlagKind.String },
        [InstructionKind.Copy] = new()
        {
            ["from"] = FlagKind.String, ["chown"] = FlagKind.String, ["chmod"] = FlagKind.String,
            ["link"] = FlagKind.Bool, ["parents"] = FlagKind.Bool, ["exclude"] = FlagKind.StringList,
        },
        [InstructionKind.Add] = new()
        {
            ["chown"] = FlagKind.String, ["chmod"] = FlagKind.String, ["link"] = FlagKind.Bool,
            ["keep-git-dir"] = FlagKind.Bool, ["checksum"] = FlagKind.String, ["exclude"] = FlagKind.StringList,
            ["unpack"] = FlagKind.Bool,
        },
        [InstructionKind.Run] = new()
        {
            ["mount"] = FlagKind.StringList, ["network"] = FlagKind.String, ["security"] = FlagKind.String,
            ["device"] = FlagKind.StringList,
        },
        [InstructionKind.Healthcheck] = new()
        {
            ["interval"] = FlagKind.String, ["timeout"] = FlagKind.String, ["start-period"] = FlagKind.String,
            ["start-interval"] = FlagKind.String, ["retries"] = FlagKind.String,
        },
    };

    /// <summary>The kind of a flag on an instruction, or null when the instruction does not take it.</summary>
    public static FlagKind? Lookup(InstructionKind instruction, string flagName)
    {
        int index = (int)instruction;
        if (index >= ByInstruction.Length)
        {
            return null;
        }
        foreach (var (name, kind) in ByInstruction[index])
        {
            if (string.Equals(name, flagName, StringComparison.Ordinal))
            {
                return kind;
            }
        }
        return null;
    }

    // Allowed as small arrays by instruction kind, for Lookup of every flag: a flag's name is the shared string of Allowed's
    // key (KnownName), so a few reference compares find it, where the dictionaries hashed the name twice.
    private static readonly (string Name, FlagKind Kind)[][] ByInstruction = ArraysByInstruction();

    private static (string Name, FlagKind Kind)[][] ArraysByInstruction()
    {
        var arrays = new (string Name, FlagKind Kind)[Allowed.Keys.Max(kind => (int)kind) + 1][];
        for (int i = 0; i < arrays.Length; i++)
        {
            arrays[i] = Allowed.TryGetValue((InstructionKind)i, out var flags) ? flags.Select(pair => (pair.Key, pair.Value)).ToArray() : Array.Empty<(string, FlagKind)>();
        }
        return arrays;
    }

    /// <summary>Every flag name some instruction takes, each once.</summary>
    private static readonly string[] KnownNames = Allowed.Values.SelectMany(flags => flags.Keys).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The one shared string of a flag name some instruction takes (a flag's name is then no copy of it), or null.</summary>
    internal static string? KnownName(string text, int start, int length)
    {
        foreach (var name in KnownNames)
        {
            // The first character before the compare: most names of the same length differ there.
            if (name.Length == length && name[0] == text[start] && string.CompareOrdinal(text, start, name, 0, length) == 0)
            {
                return name;
            }
        }
        return null;
    }

    public static IEnumerable<string> NamesFor(InstructionKind instruction) =>
        Allowed.TryGetValue(instruction, out var flags) ? flags.Keys : Enumerable.Empty<string>();
}
