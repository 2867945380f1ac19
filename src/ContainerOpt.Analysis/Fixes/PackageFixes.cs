namespace ContainerOpt.Analysis.Fixes;

/// <summary>What the package-manager fixers share: the command a finding points at, a flag after its verb, a cleanup after the RUN.</summary>
internal static class PackageFixes
{
    /// <summary>The RUN and the command whose program name the finding points at, with its package call; null when it is not one.</summary>
    public static (RunStep Step, StepCommand At, PackageCall? Call)? At(FixContext context)
    {
        if (context.StepAt(context.Finding.Span.Start) is not { } step || context.CommandNamedAt(context.Finding.Span) is not { } at)
        {
            return null;
        }
        return (step, at, step.CallAt(at));
    }

    /// <summary>The finding's command with <paramref name="flag"/> after the word <paramref name="verbOf"/> picks (its verb).</summary>
    public static CodeFix? FlagAfterVerb(FixContext context, string flag, Func<StepCommand, PackageCall?, ShellWord?> verbOf)
    {
        if (At(context) is not { } found || verbOf(found.At, found.Call) is not { } verb)
        {
            return null;
        }
        string display = found.Call?.Display ?? found.At.Command.Name + " " + verb.Value;
        return context.Offer($"Add {flag} to '{display}'", RunEdits.InsertAfter(context, found.At.Script, verb, flag));
    }

    /// <summary>The finding's RUN with <paramref name="command"/> run at its end.</summary>
    public static CodeFix? Cleanup(FixContext context, string command)
    {
        if (At(context) is not { } found)
        {
            return null;
        }
        return context.Offer($"End the RUN with '{command}'", RunEdits.Append(context, found.Step, command));
    }
}
