using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.IO;
using ContainerOpt.Core.Json;
using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// Runs a docker credential helper as docker does: <c>docker-credential-NAME get</c> (found on PATH), the server on
/// standard input, <c>{"ServerURL","Username","Secret"}</c> on standard output. "credentials not found" is no
/// credentials (anonymous access), anything else that fails is COPT0045. Its output is never shown: it holds the secret.
/// </summary>
internal static class CredentialHelper
{
    private static readonly Regex HelperName = new("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

    /// <param name="name">The helper's name (<c>pass</c> for docker-credential-pass).</param>
    /// <param name="server">What docker passes: the registry host, <c>https://index.docker.io/v1/</c> for Docker Hub.</param>
    /// <param name="configPath">The config.json that names it (for messages).</param>
    /// <param name="options">PATH (where the helper is) and the timeout.</param>
    public static RegistryCredential? Get(string name, string server, string configPath, RegistryOptions options)
    {
        RegistryException Failed(string why) => RegistryException.Create(DiagnosticCatalog.CredentialHelperFailed, name, configPath, server, why);
        if (!HelperName.IsMatch(name)) throw Failed("the name is not a plain program name (letters, digits, '.', '_', '-')");
        string program = Find("docker-credential-" + name, options.Environment("PATH"))
            ?? throw Failed("'docker-credential-" + name + "' is not on PATH");

        ProcessStartInfo start = ProcessStarts.Redirected(program, new[] { "get" });
        Process process;
        try
        {
            process = Process.Start(start) ?? throw Failed("it did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            throw Failed("it could not be started (" + e.Message + ")");
        }
        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.Write(server);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It exited without reading its input: its exit code says why.
            }
            if (!process.WaitForExit(ToMilliseconds(options.CredentialHelperTimeout)))
            {
                ProcessTree.Kill(process);
                process.WaitForExit();
                throw Failed($"it did not answer within {options.CredentialHelperTimeout.TotalSeconds:0.#} s and was stopped (a locked keychain waiting for a password?)");
            }
            process.WaitForExit();
            string output = stdout.GetAwaiter().GetResult();
            string errors = stderr.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                // docker-credential-helpers' "not found" message: no credentials stored for this server.
                string said = (output + " " + errors).Trim();
                if (said.IndexOf("credentials not found", StringComparison.OrdinalIgnoreCase) >= 0) return null;
                throw Failed($"it exited with code {process.ExitCode}" + (said.Length == 0 ? "" : ": " + FirstLine(said)));
            }
            JsonValue json;
            try
            {
                json = JsonReader.Parse(output);
            }
            catch (FormatException)
            {
                throw Failed("its output is not the JSON object docker expects ({\"Username\":…,\"Secret\":…})");
            }
            string? username = json["Username"]?.AsString;
            string? secret = json["Secret"]?.AsString;
            if (string.IsNullOrEmpty(secret)) return null;
            string source = $"the credential helper 'docker-credential-{name}' (named in '{configPath}')";
            // docker's convention: the user "<token>" means the secret is an identity (refresh) token.
            return username == "<token>"
                ? new RegistryCredential(null, null, secret, source)
                : new RegistryCredential(username ?? "", secret, null, source);
        }
    }

    /// <summary>The helper's own first line of complaint, without anything that looks like JSON (it could hold a secret).</summary>
    private static string FirstLine(string text)
    {
        string line = text.Split('\n')[0].Trim();
        if (line.IndexOf('{') >= 0) return "(its output is not shown)";
        return line.Length > 200 ? line.Substring(0, 200) + "…" : line;
    }

    private static string? Find(string program, string? path)
    {
        bool windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        string[] names = windows ? new[] { program + ".exe", program + ".cmd", program + ".bat", program } : new[] { program };
        foreach (string directory in (path ?? "").Split(Path.PathSeparator))
        {
            if (directory.Length == 0) continue;
            foreach (string name in names)
            {
                string candidate;
                try
                {
                    candidate = Path.Combine(directory, name);
                }
                catch (ArgumentException)
                {
                    continue; // a PATH entry with characters a path cannot hold
                }
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static int ToMilliseconds(TimeSpan timeout) => (int)Math.Min(int.MaxValue, Math.Max(1, timeout.TotalMilliseconds));
}
