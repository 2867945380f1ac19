namespace ContainerOpt.Analysis.Rules;

/// <summary>
/// A Dockerfile rule that also checks the .NET SDK's container properties, where the SDK's container build (no
/// Dockerfile) has the same thing: the base image, the user, the ports. The check lives in the rule's own file, beside
/// the Dockerfile check, and uses the same knowledge; its findings carry the rule's code (so one NoWarn or .editorconfig
/// entry silences both) with the message of the catalogue's <c>DiagnosticCatalog.SdkContainer</c> wording, at the property in the
/// project file. No I/O.
/// </summary>
public interface IContainerPropertiesRule
{
    void AnalyzeContainerProperties(ContainerPropertiesContext context);
}
