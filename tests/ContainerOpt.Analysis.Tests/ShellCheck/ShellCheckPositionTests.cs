using static ContainerOpt.Analysis.Tests.ShellCheck.ShellCheckRun;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>
/// ShellCheck's line and column in the script it was given, mapped back to the Dockerfile: across continuation
/// lines, inside heredoc bodies (plain and <c>&lt;&lt;-</c>), after the command line of a RUN with heredocs, inside
/// the JSON string of an exec-form <c>sh -c</c>, and past characters outside the BMP.
/// </summary>
[TestClass]
public sealed class ShellCheckPositionTests
{
    [TestMethod]
    public void Shell_form_maps_through_continuation_lines()
    {
        const string dockerfile = "FROM debian:12\nRUN apt-get update \\\n    && echo $foo \\\n # a comment BuildKit drops\n\t&& cd /tmp\n";
        Same(new[]
        {
            "SC2086 " + At(dockerfile, "$foo"),
            "SC2154 " + At(dockerfile, "$foo"),
            "SC2164 " + At(dockerfile, "cd /tmp"),
        }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void Columns_count_characters_as_shellcheck_does_and_map_to_utf16()
    {
        // ShellCheck counts the emoji (two UTF-16 units) and the tab as one column each.
        const string dockerfile = "FROM debian:12\nRUN echo \"\U0001F600\t\" $foo\n";
        Same(new[] { "SC2086 " + At(dockerfile, "$foo"), "SC2154 " + At(dockerfile, "$foo") },
            Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void A_lone_heredoc_is_checked_as_its_body()
    {
        const string dockerfile = "FROM debian:12\nRUN <<EOF\necho start\necho $1\ncd /tmp\nls\nEOF\n";
        Same(new[] { "SC2086 " + At(dockerfile, "$1"), "SC2164 " + At(dockerfile, "cd /tmp") },
            Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void A_chomped_heredoc_maps_past_the_stripped_tabs()
    {
        const string dockerfile = "FROM debian:12\nRUN <<-EOF\n\tset -eu\n\t\techo $1\n\tEOF\n";
        Same(new[] { "SC2086 " + At(dockerfile, "$1") }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void A_command_with_heredocs_is_checked_as_BuildKit_runs_it()
    {
        // BuildKit runs "cat <<EOF > /greeting && echo $foo\nhello $bar\nEOF": $foo is split, $bar in the body only expanded.
        const string dockerfile = "FROM debian:12\nRUN cat <<EOF > /greeting && echo $foo\nhello $bar\nEOF\n";
        Same(new[]
        {
            "SC2086 " + At(dockerfile, "$foo"),
            "SC2154 " + At(dockerfile, "$foo"),
            "SC2154 " + At(dockerfile, "$bar"),
        }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void A_quoted_body_fed_to_bash_is_a_bash_script_of_its_own()
    {
        // /bin/sh runs "bash <<'EOF'": the body is bash's (no SC3010 for [[ ]]), and checked on its own.
        const string dockerfile = "FROM debian:12\nRUN bash <<'EOF'\nif [[ -n $HOSTNAME ]]; then echo $1; fi\nEOF\n";
        Same(new[] { "SC2086 " + At(dockerfile, "$1") }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void Exec_form_maps_into_the_json_string_escapes_included()
    {
        const string dockerfile = "FROM debian:12\nRUN [\"/bin/sh\", \"-ec\", \"echo \\\"q\\\" \\u0041 $foo && [[ -n lit ]]\"]\n";
        Same(new[]
        {
            "SC2086 " + At(dockerfile, "$foo"),
            "SC2154 " + At(dockerfile, "$foo"),
            "SC3010 " + At(dockerfile, "[[ -n lit ]]"),
            "SC2157 " + At(dockerfile, "lit"),
        }, Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void Exec_form_without_a_shell_runs_no_shell_and_is_not_checked()
    {
        const string dockerfile = "FROM debian:12\nRUN [\"echo\", \"$foo\"]\nRUN [\"/bin/bash\", \"--norc\", \"-o\", \"pipefail\", \"-c\", \"echo $foo\"]\n";
        Same(new[] { "SC2086 " + At(dockerfile, "$foo", 2), "SC2154 " + At(dockerfile, "$foo", 2) },
            Describe(Analyze(dockerfile)));
    }

    [TestMethod]
    public void A_parse_error_points_at_a_character_not_between_two()
    {
        const string dockerfile = "FROM debian:12\nRUN if true; then echo a\n";
        var findings = Analyze(dockerfile);
        CollectionAssert.Contains(Describe(findings), "SC1046 " + At(dockerfile, "if true", length: 1));
    }
}
