using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.TestSupport;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>
/// Mutation testing: thousands of inputs made by cutting, duplicating and splicing lines and bytes
/// of real Dockerfiles. The parser and model must never throw and never hang.
/// </summary>
[TestClass]
public sealed class ParserRobustnessTests
{
    private static readonly string[] BuiltInSeeds =
    {
        "# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"App.csproj\", \"./\"]\nRUN dotnet restore `\n  -a $TARGETARCH\nCOPY . .\nRUN <<EOF\nset -e\ndotnet publish -c Release -o /app\nEOF\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build --chown=app:app /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n",
        "ARG BASE=alpine:3.20\nFROM ${BASE} AS base\nENV A=1 B=\"two words\" C=${A:-x}\nLABEL a=b \"c d\"=e\nONBUILD RUN <<-'EOT' cat\n\tbody $X\n\tEOT\nHEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://localhost/\"]\nCOPY <<A <<B /dest/\na\nA\nb\nB\nRUN --mount=type=cache,target=/root/.cache,id=pip pip install x \\\n\n    && echo done\n",
    };

    private static List<byte[]> Seeds()
    {
        var seeds = BuiltInSeeds.Select(Encoding.UTF8.GetBytes).ToList();
        if (Corpus.Root is null)
        {
            return seeds;
        }
        var buildkit = Path.Combine(Corpus.Root, "buildkit");
        foreach (var file in Directory.EnumerateFiles(buildkit, "Dockerfile", SearchOption.AllDirectories))
        {
            seeds.Add(File.ReadAllBytes(file));
        }
        seeds.Add(File.ReadAllBytes(Path.Combine(buildkit, "parser-line-numbers.Dockerfile")));
        foreach (var line in File.ReadLines(Path.Combine(buildkit, "lint_cases.jsonl")))
        {
            if (JsonDocument.Parse(line).RootElement.TryGetProperty("dockerfile", out var dockerfile) && dockerfile.ValueKind == JsonValueKind.String)
            {
                seeds.Add(Encoding.UTF8.GetBytes(dockerfile.GetString()!));
            }
        }
        return seeds;
    }

    private static readonly byte[][] Fragments =
    {
        "\\"u8.ToArray(), "`"u8.ToArray(), "\""u8.ToArray(), "'"u8.ToArray(), "<<"u8.ToArray(), "<<-EOF"u8.ToArray(),
        "["u8.ToArray(), "]"u8.ToArray(), "{"u8.ToArray(), "${"u8.ToArray(), "$"u8.ToArray(), "\r"u8.ToArray(),
        "\n"u8.ToArray(), "\t"u8.ToArray(), "--"u8.ToArray(), "--mount="u8.ToArray(), "="u8.ToArray(), "#"u8.ToArray(),
        "# escape=`\n"u8.ToArray(), new byte[] { 0 }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xC3 }, new byte[] { 0xFF, 0xFE },
        "ONBUILD "u8.ToArray(), "\\u00"u8.ToArray(), "${a:-${b:+${c}}}"u8.ToArray(),
    };

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void Thousands_of_mutated_inputs_never_throw_or_hang()
    {
        var seeds = Seeds();
        var random = new Random(20261122);
        int iterations = 10_000;
        var slowest = TimeSpan.Zero;
        for (int i = 0; i < iterations; i++)
        {
            byte[] input = Mutate(seeds, random);
            var watch = Stopwatch.StartNew();
            try
            {
                var syntax = DockerfileParser.Parse(SourceText.From(input, "Dockerfile"));
                var model = DockerfileModel.Build(syntax);
                _ = model.AllDiagnostics.Count();
                if (!syntax.FailsBuildKitParse)
                {
                    _ = BuildKitAstDump.Dump(syntax);
                }
                foreach (var d in model.AllDiagnostics)
                {
                    _ = syntax.Source.GetLinePositionSpan(d.Span);
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} threw {e.GetType().Name}: {e.Message}\ninput (base64): {Convert.ToBase64String(input)}\n{e}");
            }
            if (watch.Elapsed > slowest) slowest = watch.Elapsed;
        }
        Assert.IsTrue(slowest < TimeSpan.FromSeconds(2), $"slowest mutation took {slowest}");
    }

    private static byte[] Mutate(List<byte[]> seeds, Random random)
    {
        var lines = SplitLines(seeds[random.Next(seeds.Count)]);
        int operations = 1 + random.Next(4);
        for (int op = 0; op < operations; op++)
        {
            switch (random.Next(7))
            {
                case 0 when lines.Count > 0: // cut a run of lines
                    {
                        int start = random.Next(lines.Count);
                        lines.RemoveRange(start, Math.Min(lines.Count - start, 1 + random.Next(3)));
                        break;
                    }
                case 1 when lines.Count > 0: // duplicate a line
                    {
                        int at = random.Next(lines.Count);
                        lines.Insert(random.Next(lines.Count + 1), lines[at]);
                        break;
                    }
                case 2: // splice lines of another file
                    {
                        var other = SplitLines(seeds[random.Next(seeds.Count)]);
                        if (other.Count == 0) break;
                        int from = random.Next(other.Count);
                        int count = Math.Min(other.Count - from, 1 + random.Next(5));
                        lines.InsertRange(random.Next(lines.Count + 1), other.GetRange(from, count));
                        break;
                    }
                case 3 when lines.Count > 0: // insert a tricky fragment inside a line
                    {
                        int at = random.Next(lines.Count);
                        var line = lines[at];
                        int pos = random.Next(line.Length + 1);
                        lines[at] = [.. line.AsSpan(0, pos), .. Fragments[random.Next(Fragments.Length)], .. line.AsSpan(pos)];
                        break;
                    }
                case 4 when lines.Count > 0: // cut bytes out of a line
                    {
                        int at = random.Next(lines.Count);
                        var line = lines[at];
                        if (line.Length == 0) break;
                        int pos = random.Next(line.Length);
                        int cut = Math.Min(line.Length, pos + 1 + random.Next(4));
                        lines[at] = [.. line.AsSpan(0, pos), .. line.AsSpan(cut)];
                        break;
                    }
                case 5 when lines.Count > 0: // overwrite a byte with anything
                    {
                        int at = random.Next(lines.Count);
                        var line = (byte[])lines[at].Clone();
                        if (line.Length == 0) break;
                        line[random.Next(line.Length)] = (byte)random.Next(256);
                        lines[at] = line;
                        break;
                    }
                default: // truncate the file
                    if (lines.Count > 1) lines.RemoveRange(random.Next(lines.Count), 1);
                    break;
            }
        }
        return lines.SelectMany(l => l).ToArray();
    }

    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }
}
