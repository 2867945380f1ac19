using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3010: a local archive (<c>.tar</c>, <c>.tar.gz</c>, <c>.tgz</c>, <c>.xz</c>, …) that a
/// COPY brings in and a later RUN of the same stage extracts (<c>tar -x</c>, <c>tar xf</c>,
/// <c>gunzip</c>, <c>unxz</c>, …). The archive is matched by file name; the COPY's destination counts
/// when it names an archive. <c>COPY --from</c> is exempt (ADD cannot extract from another stage).
/// </summary>
public sealed class COPT2010AddLocalArchive : DockerfileRule
{
    private static readonly HashSet<string> Decompressors = new(StringComparer.Ordinal)
    {
        "unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat",
    };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AddLocalArchive;

    public override void Analyze(RuleContext context)
    {
        // Only needed once a COPY of an archive was seen: most files have none, and then no lookup of every RUN is built.
        ILookup<StageInstruction, RunScript>? scriptsByInstruction = null;
        // Made at the first archive COPY (most files have none), emptied per stage.
        List<(int Line, string Name, TextSpan Span)>? archives = null;
        HashSet<(int, string)>? reported = null;
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            archives?.Clear();
            reported?.Clear();
            var instructions = stages[s].Instructions;
            for (int n = 0; n < instructions.Count; n++)
            {
                var instruction = instructions[n];
                var syntax = instruction.Syntax;
                var args = syntax.Arguments;
                if (syntax.Kind == InstructionKind.Copy && syntax.FindFlag("from") is null && args.Count >= 2)
                {
                    // The sources and the destination (the last word), read in place.
                    var destination = args[args.Count - 1];
                    if (InstructionFacts.IsArchive(destination.Value))
                    {
                        (archives ??= new()).Add((syntax.StartLine, InstructionFacts.BaseName(destination.Value), destination.Span));
                    }
                    else
                    {
                        for (int i = 0; i < args.Count - 1; i++)
                        {
                            if (InstructionFacts.IsArchive(args[i].Value))
                            {
                                (archives ??= new()).Add((syntax.StartLine, InstructionFacts.BaseName(args[i].Value), args[i].Span));
                            }
                        }
                    }
                    continue;
                }
                if (syntax.Kind != InstructionKind.Run || archives is not { Count: > 0 })
                {
                    continue;
                }
                reported ??= new HashSet<(int, string)>();
                scriptsByInstruction ??= context.RunScripts.Where(r => r.IsPosix).ToLookup(r => r.Instruction);
                foreach (var run in scriptsByInstruction[instruction])
                {
                    foreach (var command in run.Script.Commands.Where(Extracts))
                    {
                        var names = new HashSet<string>(command.Arguments.Where(a => !a.Value.StartsWith('-')).Select(a => InstructionFacts.BaseName(a.Value)), StringComparer.Ordinal);
                        foreach (var archive in archives.Where(a => names.Contains(a.Name)))
                        {
                            if (reported.Add((archive.Line, archive.Name)))
                            {
                                context.Report(archive.Span, archive.Name, syntax.StartLine);
                            }
                        }
                    }
                }
            }
        }
    }

    private static bool Extracts(ShellCommand command)
    {
        if (Decompressors.Contains(command.Name))
        {
            return true;
        }
        if (!command.Is("tar"))
        {
            return false;
        }
        for (int i = 0; i < command.Arguments.Count; i++)
        {
            string arg = command.Arguments[i].Value;
            if (arg == "--extract" || arg == "--get")
            {
                return true;
            }
            if (arg.Length > 1 && arg[0] == '-' && arg[1] != '-' && arg.Contains('x'))
            {
                return true;
            }
            // Old-style option letters without a dash: tar xzf file.tgz
            if (i == 0 && arg.Length > 0 && arg[0] != '-' && arg.All(char.IsLetter) && arg.Contains('x'))
            {
                return true;
            }
        }
        return false;
    }
}
