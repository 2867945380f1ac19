using ContainerOpt.Cli;
using ContainerOpt.Cli.Output;

#if !CONTAINEROPT_NATIVE
// lint (without --project), parse and rules go to the ahead-of-time compiled executable the tool package carries for
// linux-x64, when it can run here: the same code without the JIT's start-up (NativeLauncher).
if (NativeLauncher.TryRun(args, out int nativeExitCode))
{
    return nativeExitCode;
}
#endif

// lint, parse and rules print their output when they are done: one buffered writer, flushed at the end (lint's text
// report flushes it before its summary on standard error). The other commands interleave standard output and error as
// they go, so they keep the console's own writer.
if (args.Length > 0 && args[0] is "lint" or "parse" or "rules")
{
    var stdout = StandardOutput.Open();
    try
    {
        return CliApp.Run(args, new CliHost(stdout, Console.Error));
    }
    finally
    {
        stdout.Flush();
    }
}
return CliApp.Run(args, new CliHost(Console.Out, Console.Error));
