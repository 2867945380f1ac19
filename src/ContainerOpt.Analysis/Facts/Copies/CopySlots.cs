using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// What each COPY and ADD of one file is (<see cref="DockerfileFacts.CopyOf"/>) and its sources from the build context
/// (<see cref="DockerfileFacts.ContextSourcesOf"/>), each read on first ask. One slot per COPY/ADD (an ONBUILD one
/// included), in file order, found by its line: two maps keyed by instruction cost more than the few copies of a file.
/// </summary>
internal sealed class CopySlots
{
    private readonly Slot[] _slots;

    public CopySlots(ArrayView<StageInstruction> instructions)
    {
        int count = 0;
        for (int i = 0; i < instructions.Count; i++)
        {
            if (IsCopy(instructions[i]))
            {
                count++;
            }
        }
        _slots = count == 0 ? Array.Empty<Slot>() : new Slot[count];
        for (int i = 0, s = 0; s < count; i++)
        {
            if (IsCopy(instructions[i]))
            {
                _slots[s++].Instruction = instructions[i];
            }
        }
    }

    /// <summary>True for a COPY or ADD, an ONBUILD one included.</summary>
    public static bool IsCopy(StageInstruction instruction)
    {
        // Only an ONBUILD has an instruction of its own inside (Effective): the others are told by their kind, without the
        // look into their rare parts.
        var syntax = instruction.Syntax;
        var kind = syntax.Kind == InstructionKind.Onbuild ? syntax.Effective.Kind : syntax.Kind;
        return kind is InstructionKind.Copy or InstructionKind.Add;
    }

    public CopyInstruction? CopyOf(StageInstruction instruction, DockerfileModel model)
    {
        int at = SlotOf(instruction);
        if (at < 0)
        {
            return CopyInstruction.Read(instruction, model); // an instruction of another file: read, not kept
        }
        ref var slot = ref _slots[at];
        if (!slot.CopyKnown)
        {
            slot.Copy = CopyInstruction.Read(instruction, model);
            slot.CopyKnown = true;
        }
        return slot.Copy;
    }

    public IReadOnlyList<ContextSource> ContextSourcesOf(StageInstruction instruction, DockerfileModel model)
    {
        int at = SlotOf(instruction);
        return at < 0 ? ContextSource.Of(CopyInstruction.Read(instruction, model)) : ContextSourcesAt(at, model);
    }

    /// <summary>How many COPY/ADDs the file has: slots 0 to Count - 1, in file order.</summary>
    public int Count => _slots.Length;

    /// <summary>The context sources of the COPY/ADD in slot <paramref name="at"/>: for a walk over the copies, no search per copy.</summary>
    public IReadOnlyList<ContextSource> ContextSourcesAt(int at, DockerfileModel model)
    {
        if (_slots[at].Sources is not { } sources)
        {
            sources = ContextSource.Of(CopyOf(_slots[at].Instruction, model));
            _slots[at].Sources = sources;
        }
        return sources;
    }

    /// <summary>The instruction's slot, or -1 when it is none of this file's copies.</summary>
    private int SlotOf(StageInstruction instruction)
    {
        // The first slot at or after the instruction's line, by binary search; then the slots of that line (one, in
        // practice) compared by reference.
        var slots = _slots;
        int line = instruction.Syntax.StartLine;
        int low = 0, high = slots.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (slots[middle].Instruction.Syntax.StartLine < line)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        for (int i = low; i < slots.Length && slots[i].Instruction.Syntax.StartLine == line; i++)
        {
            if (ReferenceEquals(slots[i].Instruction, instruction))
            {
                return i;
            }
        }
        return -1;
    }

    private struct Slot
    {
        public StageInstruction Instruction;
        public CopyInstruction? Copy;
        public IReadOnlyList<ContextSource>? Sources;
        public bool CopyKnown;
    }
}
