using System.Globalization;
using System.Text;

namespace ContainerOpt.Images.Tests.Archives;

/// <summary>Builds image archives the way docker, podman and OCI tools lay them out.</summary>
internal static class TestImages
{
    /// <summary>A config whose history gives each layer a created_by ("RUN step i" unless given) and whose diff_ids match the tars.</summary>
    public static string Config(IReadOnlyList<byte[]> layerTars, IReadOnlyList<string>? createdBy = null, string architecture = "amd64", string extraHistory = "")
    {
        var history = new StringBuilder();
        for (int i = 0; i < layerTars.Count; i++)
        {
            string by = createdBy?[i] ?? $"RUN /bin/sh -c step {i} # buildkit";
            history.Append(i == 0 ? "" : ",").Append("{\"created\":\"2024-01-01T00:00:00Z\",\"created_by\":")
                .Append(ContainerOpt.Core.Json.JsonWriter.Escape(by)).Append('}');
            if (i == 0 && extraHistory.Length > 0) history.Append(',').Append(extraHistory);
        }
        string diffIds = string.Join(",", layerTars.Select(t => "\"" + TestData.Sha256(t) + "\""));
        return "{\"architecture\":\"" + architecture + "\",\"os\":\"linux\",\"config\":{\"Labels\":{\"a\":\"b\"}},"
            + "\"history\":[" + history + "],\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}";
    }

    /// <summary>Classic docker save: &lt;id&gt;/layer.tar, &lt;config&gt;.json, then manifest.json and repositories LAST.</summary>
    public static byte[] DockerSave(IReadOnlyList<byte[]> layerTars, string config, string repoTag, bool duplicateAsSymlink = false)
    {
        var tar = new TestTarWriter();
        var paths = new List<string>();
        string? firstPath = null;
        for (int i = 0; i < layerTars.Count; i++)
        {
            string id = TestData.Hex(Encoding.ASCII.GetBytes("layer" + i.ToString(CultureInfo.InvariantCulture)));
            tar.Directory(id);
            tar.File(id + "/VERSION", "1.0");
            tar.File(id + "/json", "{\"id\":\"" + id + "\"}");
            if (duplicateAsSymlink && firstPath is not null && layerTars[i].SequenceEqual(layerTars[0]))
                tar.Symlink(id + "/layer.tar", "../" + firstPath);
            else
                tar.File(id + "/layer.tar", layerTars[i]);
            firstPath ??= id + "/layer.tar";
            paths.Add(id + "/layer.tar");
        }
        byte[] configBytes = Encoding.UTF8.GetBytes(config);
        string configName = TestData.Hex(configBytes) + ".json";
        tar.File(configName, configBytes);
        string manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + repoTag + "\"],\"Layers\":[" + string.Join(",", paths.Select(p => "\"" + p + "\"")) + "]}]";
        tar.File("manifest.json", manifest);
        tar.File("repositories", "{}");
        return tar.Finish();
    }

    /// <summary>An OCI image layout's files (path → bytes): oci-layout, index.json, blobs/sha256/… for manifest, config and the given layer blobs.</summary>
    public static Dictionary<string, byte[]> OciLayout(IReadOnlyList<(byte[] Blob, byte[] Tar)> layers, string config, string? refName,
        string? dockerManifestTag = null, IReadOnlyList<(string Os, string Arch, string Config, IReadOnlyList<(byte[] Blob, byte[] Tar)> Layers)>? platforms = null)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["oci-layout"] = TestData.Utf8("{\"imageLayoutVersion\":\"1.0.0\"}"),
        };
        string AddBlob(byte[] bytes)
        {
            files["blobs/sha256/" + TestData.Hex(bytes)] = bytes;
            return TestData.Sha256(bytes);
        }
        string Manifest(string cfg, IReadOnlyList<(byte[] Blob, byte[] Tar)> ls, out int size)
        {
            byte[] configBytes = TestData.Utf8(cfg);
            string configDigest = AddBlob(configBytes);
            string layerDescriptors = string.Join(",", ls.Select(l =>
                "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + AddBlob(l.Blob) + "\",\"size\":" + l.Blob.Length + "}"));
            byte[] manifest = TestData.Utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + configDigest + "\",\"size\":" + configBytes.Length + "},\"layers\":[" + layerDescriptors + "]}");
            size = manifest.Length;
            return AddBlob(manifest);
        }
        string annotations = refName is null ? "" : ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + refName + "\"}";
        string top;
        if (platforms is null)
        {
            string digest = Manifest(config, layers, out int size);
            top = "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest + "\",\"size\":" + size + annotations + "}";
            if (dockerManifestTag is not null)
            {
                byte[] cfg = TestData.Utf8(config);
                files["manifest.json"] = TestData.Utf8("[{\"Config\":\"blobs/sha256/" + TestData.Hex(cfg) + "\",\"RepoTags\":[\"" + dockerManifestTag + "\"],\"Layers\":["
                    + string.Join(",", layers.Select(l => "\"blobs/sha256/" + TestData.Hex(l.Blob) + "\"")) + "]}]");
            }
        }
        else
        {
            var entries = new List<string>();
            foreach (var p in platforms)
            {
                string digest = Manifest(p.Config, p.Layers, out int size);
                entries.Add("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest + "\",\"size\":" + size
                    + ",\"platform\":{\"os\":\"" + p.Os + "\",\"architecture\":\"" + p.Arch + "\"}}");
            }
            // An attestation manifest, as BuildKit adds: never selected.
            entries.Add("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + AddBlob(TestData.Utf8("{\"layers\":[]}")) + "\",\"size\":13,\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"},\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}}");
            byte[] nested = TestData.Utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[" + string.Join(",", entries) + "]}");
            top = "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"digest\":\"" + AddBlob(nested) + "\",\"size\":" + nested.Length + annotations + "}";
        }
        files["index.json"] = TestData.Utf8("{\"schemaVersion\":2,\"manifests\":[" + top + "]}");
        return files;
    }

    /// <summary>Packs files into a tar in the given order (index.json last, like an archive streamed as written).</summary>
    public static byte[] Pack(Dictionary<string, byte[]> files, bool metadataLast = true)
    {
        var tar = new TestTarWriter();
        var order = files.Keys.OrderBy(k => metadataLast && !k.StartsWith("blobs/", StringComparison.Ordinal) ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal);
        foreach (string path in order) tar.File(path, files[path]);
        return tar.Finish();
    }

    public static string WriteFolder(Dictionary<string, byte[]> files)
    {
        string root = Path.Combine(Path.GetTempPath(), "copt-oci-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, bytes) in files)
        {
            string full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        return root;
    }
}
