using ContainerOpt.Core.DotNet;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// The per-stage facts of one file (the image a FROM names, parsed; its .NET image; Windows or not), each computed on
/// first ask. One array slot per stage, found by the stage's position: a file has a few stages, and a map per fact
/// cost more than the facts.
/// </summary>
internal sealed class StageSlots
{
    private readonly DockerfileModel _model;
    private readonly Slot[] _slots;

    public StageSlots(DockerfileModel model)
    {
        _model = model;
        _slots = new Slot[model.Stages.Count];
    }

    /// <summary>The stage's base read as an image reference (<see cref="Stage.BaseName"/>), or null for a stage on another stage or no reference.</summary>
    public ImageReference? ImageOf(Stage stage)
    {
        int at = PositionOf(stage);
        if (at < 0)
        {
            return ReadImage(stage);
        }
        ref var slot = ref _slots[at];
        if ((slot.Known & Known.Image) == 0)
        {
            slot.Image = ReadImage(stage);
            slot.Known |= Known.Image;
        }
        return slot.Image;
    }

    /// <summary>The .NET image the stage's FROM names directly (<see cref="DotNetImage.ForStage(Stage, ImageReference?)"/>).</summary>
    public DotNetImage? DotNetImageOf(Stage stage)
    {
        int at = PositionOf(stage);
        if (at < 0)
        {
            return DotNetImage.ForStage(stage, ImageOf(stage));
        }
        if ((_slots[at].Known & Known.DotNet) == 0)
        {
            var image = DotNetImage.ForStage(stage, ImageOf(stage));
            _slots[at].DotNet = image;
            _slots[at].Known |= Known.DotNet;
        }
        return _slots[at].DotNet;
    }

    /// <summary>True when the stage builds a Windows container (<see cref="WindowsStages"/>).</summary>
    public bool IsWindows(Stage stage)
    {
        int at = PositionOf(stage);
        if (at < 0)
        {
            return WindowsStages.IsWindows(stage, _model, ImageOf(stage.Root));
        }
        if ((_slots[at].Known & Known.Windows) == 0)
        {
            bool windows = WindowsStages.IsWindows(stage, _model, ImageOf(stage.Root));
            _slots[at].Windows = windows;
            _slots[at].Known |= Known.Windows;
        }
        return _slots[at].Windows;
    }

    private static ImageReference? ReadImage(Stage stage) => stage.BaseStage is null ? ImageReference.Parse(stage.BaseName) : null;

    /// <summary>The stage's slot: its index (after the implicit stage, when there is one), checked; -1 for a stage of another model.</summary>
    /// <summary>The stage's slot, or -1 for a stage of another model (its facts are then computed, not kept).</summary>
    private int PositionOf(Stage stage)
    {
        var stages = _model.Stages;
        return (uint)stage.Position < (uint)stages.Count && ReferenceEquals(stages[stage.Position], stage) ? stage.Position : -1;
    }

    [Flags]
    private enum Known : byte
    {
        Image = 1,
        DotNet = 2,
        Windows = 4,
    }

    private struct Slot
    {
        public Known Known;
        public bool Windows;
        public ImageReference? Image;
        public DotNetImage? DotNet;
    }
}
