using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Tests.Layers;

/// <summary>Images made of layer tars written by the test, scanned by the real scanner.</summary>
internal static class Synthetic
{
    public static ImageContent Image(params byte[][] layerTars) => Image(layerTars, null);

    public static ImageContent Image(byte[][] layerTars, string?[]? createdBy, bool measureCompressedSize = false)
    {
        var scans = layerTars.Select(t => LayerScanner.Scan(new MemoryStream(t), measureCompressedSize)).ToArray();
        var history = scans.Select((s, i) => new ImageHistoryEntry(createdBy is null ? $"/bin/sh -c step{i}" : createdBy[i], false, null, null)).ToList();
        var config = new ImageConfig("linux", "amd64", null, history, scans.Select(s => s.DiffId).ToArray(), new Dictionary<string, string>());
        return new ImageContent("synthetic:1", new[] { "synthetic:1" }, ImageArchiveFormat.DockerArchive, config, scans);
    }
}
