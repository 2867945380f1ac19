using ContainerOpt.Images.Layers.Secrets.Classifiers;

namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>Every credential classifier, in the order they are tried (the first to confirm a file names its kind).</summary>
public static class CredentialClassifiers
{
    public static readonly IReadOnlyList<CredentialClassifier> All = new CredentialClassifier[]
    {
        new PrivateKeyClassifier(),
        new Pkcs12Classifier(),
        new EnvFileClassifier(),
        new NuGetPasswordClassifier(),
        new NpmTokenClassifier(),
        new AwsCredentialsClassifier(),
        new GoogleCloudClassifier(),
        new AzureCredentialsClassifier(),
        new DockerAuthClassifier(),
        new GitCredentialsClassifier(),
        new PgPassClassifier(),
        new NetrcClassifier(),
    };

    public static CredentialClassifier For(CredentialKind kind) => All.First(c => c.Kind == kind);
}
