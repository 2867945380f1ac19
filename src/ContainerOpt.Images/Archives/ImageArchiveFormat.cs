namespace ContainerOpt.Images.Archives;

/// <summary>The container an image was read from.</summary>
public enum ImageArchiveFormat
{
    /// <summary><c>docker save</c> before Docker 25 and podman's docker-archive: manifest.json, &lt;id&gt;/layer.tar.</summary>
    DockerArchive,

    /// <summary><c>docker save</c> from Docker 25 on: an OCI layout in the tar plus a manifest.json.</summary>
    DockerOciArchive,

    /// <summary>An OCI layout packed in a tar (podman's oci-archive, <c>skopeo copy oci-archive:</c>).</summary>
    OciArchive,

    /// <summary>An OCI image layout folder: oci-layout, index.json, blobs/&lt;alg&gt;/&lt;hex&gt;.</summary>
    OciLayout,

    /// <summary>A registry, read over the OCI distribution API (Registry/RegistryReader).</summary>
    Registry,
}
