namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// <c>.env</c> files (<c>.env</c>, <c>.env.production</c>, <c>app.env</c>) that assign a value to a variable named
/// like a secret (<c>DB_PASSWORD</c>, <c>STRIPE_SECRET_KEY</c>, <c>API_TOKEN</c>) or a URL with a password in it.
/// Templates (<c>.env.example</c>, <c>.env.sample</c>, <c>.env.template</c>, <c>.env.dist</c>), placeholders
/// (<c>${TOKEN}</c>, <c>changeme</c>), references to files (<c>PASSWORD_FILE=/run/secrets/db</c>) and settings
/// (<c>PORT=8080</c>, <c>TOKEN_TTL=3600</c>) are not credentials.
/// </summary>
public sealed class EnvFileClassifier : CredentialClassifier
{
    private static readonly string[] TemplateWords = { "example", "sample", "template", "tmpl", "tpl", "dist", "default", "schema", "skel" };

    /// <summary>Name parts that make a variable a secret whatever its value looks like.</summary>
    private static readonly HashSet<string> SecretParts = new(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "SECRETS", "TOKEN", "APIKEY", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY",
    };

    /// <summary>A last name part that makes the variable a setting about the secret, not the secret.</summary>
    private static readonly HashSet<string> SettingSuffixes = new(StringComparer.Ordinal)
    {
        "FILE", "PATH", "DIR", "URL", "URI", "ENDPOINT", "HOST", "PORT", "ENABLED", "DISABLED", "REQUIRED", "LENGTH", "TTL", "EXPIRY",
        "EXPIRES", "EXPIRATION", "TIMEOUT", "MIN", "MAX", "COUNT", "TYPE", "ALGORITHM", "ALG", "HEADER", "ISSUER", "AUDIENCE", "LIFETIME",
        "SECONDS", "MINUTES", "HOURS", "DAYS", "POLICY", "MODE", "PREFIX", "SUFFIX", "NAME", "ID", "VERSION", "FORMAT", "LOCATION", "PROVIDER",
    };

    public override CredentialKind Kind => CredentialKind.EnvFile;

    public override string Description => "a .env file with secrets";

    public override bool IsCandidate(string lowerPath, string name, long size)
    {
        bool envName = name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) || (name.EndsWith(".env", StringComparison.Ordinal) && name.Length > 4);
        return envName && !TemplateWords.Any(w => name.IndexOf(w, StringComparison.Ordinal) >= 0);
    }

    public override string? Confirm(CredentialHead head)
    {
        int secrets = 0;
        foreach (string raw in head.Lines())
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line.Substring(7).TrimStart();
            int equals = line.IndexOf('=');
            if (equals <= 0) continue;
            string key = line.Substring(0, equals).Trim();
            if (!IsVariableName(key)) continue;
            string value = StripComment(line.Substring(equals + 1).Trim());
            if (IsSecretAssignment(key, value)) secrets++;
        }
        return secrets == 0 ? null : secrets == 1 ? "1 secret variable" : secrets + " secret variables";
    }

    /// <summary>True when the variable is named like a secret and holds a value that is not a stand-in, or holds a URL with a password.</summary>
    public static bool IsSecretAssignment(string key, string value)
    {
        string unquoted = CredentialValues.Unquote(value);
        if (CredentialValues.UrlHasPassword(unquoted)) return true;
        if (CredentialValues.IsPlaceholder(unquoted)) return false;
        // The shell's working directories, not passwords.
        if (key is "PWD" or "OLDPWD") return false;
        string[] parts = key.ToUpperInvariant().Split(new[] { '_', '.', '-' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || SettingSuffixes.Contains(parts[parts.Length - 1])) return false;
        if (parts.Contains("PUBLIC") || parts.Contains("PUBLISHABLE")) return false;
        if (parts.Any(SecretParts.Contains)) return true;
        // KEY alone names API keys (STRIPE_KEY, APP_KEY) but also sort keys and key names: only a key-like value counts.
        for (int i = 0; i < parts.Length; i++)
        {
            bool keyPart = parts[i] == "KEY" || (parts[i] == "AUTH" && i == parts.Length - 1);
            if (keyPart && unquoted.Length >= 16 && unquoted.IndexOf(' ') < 0) return true;
        }
        return false;
    }

    private static bool IsVariableName(string key)
    {
        if (key.Length == 0 || !(char.IsLetter(key[0]) || key[0] == '_')) return false;
        return key.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-');
    }

    /// <summary>An unquoted value ends at " #".</summary>
    private static string StripComment(string value)
    {
        if (value.Length > 0 && (value[0] == '"' || value[0] == '\'')) return value;
        int hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? value : value.Substring(0, hash).TrimEnd();
    }
}
