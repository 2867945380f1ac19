using System.Text;

namespace ContainerOpt.TestSupport;

/// <summary>
/// Dockerfiles of one instruction kind repeated (<c>FROM alpine</c> and N lines of ENV, ARG, RUN or LABEL), for the tests
/// that measure how the analysis scales: in process (ScalingTests) and as the CLI process (LintScalingTests).
/// build/scaling.sh writes the same lines.
/// </summary>
public static class Floods
{
    /// <summary><c>FROM alpine</c> and then <paramref name="lines"/> lines of one kind, or lines up to <paramref name="bytes"/>.</summary>
    public static string Of(string kind, int lines = int.MaxValue, int bytes = int.MaxValue)
    {
        var sb = new StringBuilder("FROM alpine\n");
        for (int i = 0; i < lines && sb.Length < bytes; i++)
        {
            sb.Append(kind switch
            {
                "ENV" => $"ENV V{i}=x{i}\n",
                "ARG" => $"ARG A{i}=v\n",
                "RUN" => $"RUN echo {i}\n",
                "LABEL" => $"LABEL l{i}=v\n",
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "ENV, ARG, RUN or LABEL"),
            });
        }
        return sb.ToString();
    }
}
