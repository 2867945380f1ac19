namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>
/// Why a confirmed credential file is not reported: where it lies says it is published material, not somebody's
/// secret. Such files stay in the report (JSON, HTML) under their reason, and make no finding.
/// </summary>
public enum CredentialExemption
{
    /// <summary>Reported.</summary>
    None,

    /// <summary>Under a test folder (<c>test/</c>, <c>tests/</c>, <c>testdata/</c>, <c>fixtures/</c>, <c>__tests__/</c>, <c>spec/</c>): keys made for tests.</summary>
    TestFixture,

    /// <summary>
    /// Inside what a package manager installed (<c>node_modules/</c>, <c>site-packages/</c>, <c>dist-packages/</c>,
    /// <c>vendor/</c>, <c>third_party/</c>, NuGet's package folders, the .NET install): published by its authors to everyone.
    /// </summary>
    PackageContent,

    /// <summary>Documentation and samples (<c>usr/share/doc/</c>, <c>examples/</c>, <c>samples/</c>, <c>templates/</c>).</summary>
    Documentation,
}
