using System.Runtime.InteropServices;

namespace ContainerOpt.Cli;

/// <summary>
/// Hands a command to the ahead-of-time compiled <c>containeropt</c> that the tool package carries for linux-x64
/// (<c>native/linux-x64/containeropt</c> at the package's root, three folders above this assembly's tools/&lt;tfm&gt;/any/;
/// built from the same sources: native/ContainerOpt.Cli.Native.csproj)
/// and returns its exit code; its output goes straight to this process' standard streams. Only the commands that need no
/// MSBuild are handed over: <c>lint</c> without <c>--project</c>, <c>parse</c>, <c>rules</c>. Anything that keeps the
/// executable from running (another platform, a C library older than the one it was linked against, no execute
/// permission, <c>CONTAINEROPT_NATIVE=0</c>) leaves the command to this process, which does the same work JIT-compiled.
/// Everything here runs before every handed-over command, so it avoids what would make the runtime load or JIT-compile
/// more than it must.
/// </summary>
internal static class NativeLauncher
{
    private const string Folder = "native";
    private const string Rid = "linux-x64";
    private const string Executable = "containeropt";

    /// <summary>Whether <paramref name="args"/> is a command the native executable runs as this process would.</summary>
    internal static bool IsHandedOver(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("lint" or "parse" or "rules"))
        {
            return false;
        }
        foreach (var arg in args)
        {
            // --project needs MSBuild; after "--" everything is an operand, but a file named so is left to this process too.
            // A response file (@args.rsp) may name --project: this process reads it.
            if (arg == "--project" || arg.StartsWith("--project=", StringComparison.Ordinal) || arg.StartsWith("--project:", StringComparison.Ordinal)
                || arg.StartsWith("@", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Runs the command natively when it can; false when this process must run it.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (!IsHandedOver(args) || Environment.GetEnvironmentVariable("CONTAINEROPT_NATIVE") == "0"
            || !OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return false;
        }
        return TryRunOnLinux(args, out exitCode);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static bool TryRunOnLinux(string[] args, out int exitCode)
    {
        exitCode = 0;
        // One relative path, not Path.Combine of six parts, whose span of arguments is generic code the JIT would compile.
        string folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../" + Folder + "/" + Rid));
        string path = Path.Combine(folder, Executable);
        try
        {
            if (!File.Exists(path) || !LibcIsAtLeast(Path.Combine(folder, "glibc")) || !EnsureExecutable(path))
            {
                return false;
            }
            return Spawn(path, args, Environ(), out exitCode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException
            or FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// The executable needs the GNU C library it was linked against, or a newer one: the pack writes its version beside it.
    /// Read as bytes and compared by hand because this runs before every handed-over command: File.ReadAllText and
    /// Version.Parse took about 6 ms of the launcher's start here (their first use loads and compiles more than the
    /// check itself), a file handle and a span about 1.5.
    /// </summary>
    private static bool LibcIsAtLeast(string versionFile)
    {
        if (!File.Exists(versionFile))
        {
            return false;
        }
        Span<byte> needed = stackalloc byte[32];
        int length;
        using (var handle = File.OpenHandle(versionFile))
        {
            length = RandomAccess.Read(handle, needed, 0);
        }
        var here = GnuGetLibcVersion();
        Span<byte> running = stackalloc byte[32];
        int hereLength = 0;
        byte b;
        while (hereLength < running.Length && here != IntPtr.Zero && (b = Marshal.ReadByte(here, hereLength)) != 0)
        {
            running[hereLength++] = b;
        }
        return TryReadVersion(needed[..length], out var neededVersion) && TryReadVersion(running[..hereLength], out var runningVersion)
            && (runningVersion.Major > neededVersion.Major || runningVersion.Major == neededVersion.Major && runningVersion.Minor >= neededVersion.Minor);
    }

    /// <summary>A C library version as glibc writes it, <c>MAJOR.MINOR</c>, white space around it allowed; anything else is not read (false).</summary>
    internal static bool TryReadVersion(ReadOnlySpan<byte> text, out (int Major, int Minor) version)
    {
        version = default;
        // Trimmed by hand: MemoryExtensions.Trim<byte> is not in the precompiled framework, and the JIT would compile it.
        while (text.Length > 0 && text[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            text = text[1..];
        }
        while (text.Length > 0 && text[^1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            text = text[..^1];
        }
        int dot = text.IndexOf((byte)'.');
        if (dot < 0 || !TryReadNumber(text[..dot], out int major) || !TryReadNumber(text[(dot + 1)..], out int minor))
        {
            return false;
        }
        version = (major, minor);
        return true;
    }

    private static bool TryReadNumber(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.Length is 0 or > 6)
        {
            return false;
        }
        foreach (byte c in digits)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>A tool package is extracted without file modes: the first run gives the executable its execute bits.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool EnsureExecutable(string path)
    {
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) != 0)
        {
            return true;
        }
        File.SetUnixFileMode(path, mode | execute);
        return true;
    }

    private static bool Spawn(string path, string[] args, IntPtr environ, out int exitCode)
    {
        exitCode = 0;
        // argv: the executable, the arguments, a null; as UTF-8 strings the child's C runtime reads.
        var argv = new IntPtr[args.Length + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (int i = 0; i < args.Length; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }
            // The native environment as it is: the child sees what this process was started with.
            if (PosixSpawn(out int pid, argv[0], IntPtr.Zero, IntPtr.Zero, argv, environ) != 0)
            {
                return false;
            }
            int status;
            while (WaitPid(pid, out status, 0) == -1)
            {
                if (Marshal.GetLastPInvokeError() != EINTR)
                {
                    // The child ran but its end cannot be read (no child to wait for: SIGCHLD ignored by whoever started us).
                    exitCode = ExitCodes.UsageOrIo;
                    return true;
                }
            }
            int signal = status & 0x7F;
            exitCode = signal == 0 ? (status >> 8) & 0xFF : 128 + signal;
            return true;
        }
        finally
        {
            FreeAll(argv);
        }
    }

    private static void FreeAll(IntPtr[] strings)
    {
        foreach (var s in strings)
        {
            if (s != IntPtr.Zero)
            {
                Marshal.FreeCoTaskMem(s);
            }
        }
    }

    private const int EINTR = 4;
    private const string Libc = "libc.so.6";

    private static IntPtr Environ() => Marshal.ReadIntPtr(NativeLibrary.GetExport(NativeLibrary.Load(Libc), "environ"));

    [DllImport(Libc, EntryPoint = "gnu_get_libc_version")]
    private static extern IntPtr GnuGetLibcVersion();

    [DllImport(Libc, EntryPoint = "posix_spawn")]
    private static extern int PosixSpawn(out int pid, IntPtr path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr envp);

    [DllImport(Libc, EntryPoint = "waitpid", SetLastError = true)]
    private static extern int WaitPid(int pid, out int status, int options);
}
