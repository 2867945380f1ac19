using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ContainerOpt.Images.Tests.Layers.Secrets;

/// <summary>
/// Credential files made by the tests: real keys (made here, thrown away), and configuration files whose secret
/// values carry <see cref="Marker"/>, so a test can show no output ever contains what the files hold.
/// </summary>
internal static class FakeCredentials
{
    /// <summary>In every secret value the tests write: it must never appear in any output.</summary>
    public const string Marker = "S3CRETMARKER7f3a";

    public static string Token => Marker + "Q9x2Lm4Kp8Rt";

    public static string RsaPkcs1() { using var rsa = RSA.Create(2048); return rsa.ExportRSAPrivateKeyPem() + "\n"; }

    public static string RsaPkcs8() { using var rsa = RSA.Create(2048); return rsa.ExportPkcs8PrivateKeyPem() + "\n"; }

    public static string EncryptedPkcs8()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportEncryptedPkcs8PrivateKeyPem("pw".AsSpan(), new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)) + "\n";
    }

    public static string EcKey() { using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256); return ec.ExportECPrivateKeyPem() + "\n"; }

    public static string PublicKey() { using var rsa = RSA.Create(2048); return rsa.ExportSubjectPublicKeyInfoPem() + "\n"; }

    public static string Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem() + "\n";
    }

    public static byte[] Pkcs12()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pkcs12, "");
    }

    /// <summary>An OpenSSH private key file's shape: the openssh-key-v1 header naming <paramref name="cipher"/>, then random key bytes.</summary>
    public static string OpenSsh(string cipher = "none")
    {
        var blob = new MemoryStream();
        blob.Write(Encoding.ASCII.GetBytes("openssh-key-v1\0"));
        void Text(string value)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(value);
            blob.Write(new[] { (byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length });
            blob.Write(bytes);
        }
        Text(cipher);
        Text(cipher == "none" ? "none" : "bcrypt");
        blob.Write(RandomNumberGenerator.GetBytes(300));
        string base64 = Convert.ToBase64String(blob.ToArray());
        var text = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        for (int i = 0; i < base64.Length; i += 70) text.Append(base64, i, Math.Min(70, base64.Length - i)).Append('\n');
        return text.Append("-----END OPENSSH PRIVATE KEY-----\n").ToString();
    }

    public static string Putty(string encryption = "none") =>
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: " + encryption + "\nComment: test\nPublic-Lines: 2\n"
        + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) + "\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) + "\n"
        + "Private-Lines: 1\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) + "\nPrivate-MAC: " + Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) + "\n";

    public static string Pgp()
    {
        string base64 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(400));
        var text = new StringBuilder("-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: test\n\n");
        for (int i = 0; i < base64.Length; i += 64) text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        return text.Append("-----END PGP PRIVATE KEY BLOCK-----\n").ToString();
    }

    public static string GoogleServiceAccount() =>
        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo\",\n  \"private_key_id\": \"" + Marker + "\",\n  \"private_key\": \""
        + RsaPkcs8().Replace("\n", "\\n") + "\",\n  \"client_email\": \"sa@demo.iam.gserviceaccount.com\"\n}\n";

    /// <summary>A file's bytes by a short name the data rows use.</summary>
    public static byte[] Content(string name) => name switch
    {
        "pkcs12" => Pkcs12(),
        "random" => RandomNumberGenerator.GetBytes(512),
        _ => Encoding.UTF8.GetBytes(Text(name)),
    };

    private static string Text(string name) => name switch
    {
        "rsa-pkcs1" => RsaPkcs1(),
        "rsa-pkcs8" => RsaPkcs8(),
        "pkcs8-encrypted" => EncryptedPkcs8(),
        "ec" => EcKey(),
        "openssh" => OpenSsh(),
        "openssh-encrypted" => OpenSsh("aes256-ctr"),
        "putty" => Putty(),
        "putty-encrypted" => Putty("aes256-cbc"),
        "pgp" => Pgp(),
        "public-key" => PublicKey(),
        "certificate" => Certificate(),
        "certificate-and-key" => Certificate() + RsaPkcs8(),
        "quoted-header" => "To make a key, run openssl; the file starts with\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n",
        "env-secret" => "PORT=8080\nNODE_ENV=production\nDB_PASSWORD=" + Token + "\n",
        "env-two-secrets" => "export STRIPE_SECRET_KEY=\"" + Token + "\"\nAPI_TOKEN='" + Token + "' # prod\nPORT=80\n",
        "env-url" => "DATABASE_URL=postgres://app:" + Token + "@db:5432/app\n",
        "env-key" => "APP_KEY=base64:" + Token + "Zm9vYmFy\n",
        "env-placeholders" => "DB_PASSWORD=\nAPI_TOKEN=${API_TOKEN}\nSECRET=$SECRET\nJWT_SECRET=changeme\nPASSWORD=<password>\nTOKEN=xxxxxxxx\nDATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n",
        "env-settings" => "PORT=8080\nLOG_LEVEL=debug\nTOKEN_TTL=3600\nPASSWORD_FILE=/run/secrets/db\nAWS_ACCESS_KEY_ID=AKIAEXAMPLE\nAUTH_ENABLED=true\nSORT_KEY=name\nPWD=/app\nSTRIPE_PUBLISHABLE_KEY=pk_live_abcdefghijklmnop\n",
        "nuget-password" => "<?xml version=\"1.0\"?>\n<configuration>\n  <packageSourceCredentials>\n    <corp>\n      <add key=\"Username\" value=\"ci\" />\n      <add key=\"ClearTextPassword\" value=\"" + Token + "\" />\n    </corp>\n  </packageSourceCredentials>\n</configuration>\n",
        "nuget-env-password" => "<configuration><packageSourceCredentials><corp><add key=\"Username\" value=\"ci\" /><add key=\"ClearTextPassword\" value=\"%NUGET_PAT%\" /></corp></packageSourceCredentials></configuration>\n",
        "nuget-encrypted" => "<configuration><packageSourceCredentials><corp><add key=\"Username\" value=\"ci\" /><add key=\"Password\" value=\"AQAAANCMnd8BFdERjHoAwE\" /></corp></packageSourceCredentials></configuration>\n",
        "npm-token" => "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=npm_" + Token + "\n",
        "npm-password" => "//npm.corp.example/:username=ci\n//npm.corp.example/:_password=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)) + "\n",
        "npm-placeholder" => "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nregistry=https://registry.npmjs.org/\n",
        "aws-credentials" => "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + Token + "\n",
        "aws-config" => "[default]\nregion = eu-west-1\noutput = json\n",
        "gcp-service-account" => GoogleServiceAccount(),
        "gcp-user" => "{\n  \"client_id\": \"x.apps.googleusercontent.com\",\n  \"client_secret\": \"d-FL95Q19q7MQmFpd7hHD0Ty\",\n  \"refresh_token\": \"1//" + Token + "\",\n  \"type\": \"authorized_user\"\n}\n",
        "gcp-placeholder" => "{\"type\": \"service_account\", \"project_id\": \"your-project\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"}\n",
        "package-json" => "{\"name\": \"app\", \"version\": \"1.0.0\", \"private_key\": false}\n",
        "azure-tokens" => "[{\"tokenType\": \"Bearer\", \"accessToken\": \"eyJ0" + Token + "\", \"refreshToken\": \"0.A" + Token + "\"}]\n",
        "azure-service-principal" => "[{\"client_id\": \"00000000-0000-0000-0000-000000000000\", \"client_secret\": \"" + Token + "\", \"tenant\": \"t\"}]\n",
        "docker-auth" => "{\"auths\": {\"registry.example.com\": {\"auth\": \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:" + Token)) + "\"}}}\n",
        "docker-helper" => "{\"auths\": {\"registry.example.com\": {}}, \"credsStore\": \"desktop\"}\n",
        "git-credentials" => "https://ci:" + Token + "@github.com\n",
        "git-no-password" => "https://github.com\n",
        "pgpass" => "# comment\ndb.example.com:5432:app:app:" + Token + "\n",
        "pgpass-empty" => "db.example.com:5432:app:app:\n",
        "netrc" => "machine example.com\n  login ci\n  password " + Token + "\n",
        "netrc-no-password" => "machine example.com login ci\n",
        _ => throw new ArgumentException("no fake credential named " + name, nameof(name)),
    };
}
