using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Tests.Shell;

[TestClass]
public sealed class ShellParserTests
{
    [TestMethod]
    public void Commands_of_a_long_sh_c_script_keep_their_source_order()
    {
        // Every command parsed out of the quoted script shares the word's position: the sort must be stable.
        var names = Enumerable.Range(1, 40).Select(i => "step" + i).ToArray();
        var script = ShellScript.Parse("sh -c '" + string.Join("; ", names) + "'");

        CollectionAssert.AreEqual(new[] { "sh" }.Concat(names).ToArray(), script.Commands.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void Set_with_combined_flags_and_o_pipefail_is_one_command_with_its_option()
    {
        var script = ShellScript.Parse("set -eux -o pipefail && wget -O - https://x | tar xz");

        var set = script.Commands[0];
        Assert.AreEqual("set", set.Name);
        Assert.IsTrue(set.HasFlag("o"));
        Assert.IsTrue(set.HasArgument("pipefail"));
        Assert.IsTrue(set.HasFlag("e") && set.HasFlag("x"));
        CollectionAssert.AreEqual(new[] { "set", "wget", "tar" }, script.Commands.Select(c => c.Name).ToArray());
        Assert.AreEqual(ShellOperator.Pipe, script.Commands[2].PrecedingOperator);
    }

    [TestMethod]
    public void Ln_over_bin_sh_keeps_flags_and_both_paths()
    {
        var ln = ShellScript.Parse("ln -sf /bin/bash /bin/sh").Commands.Single();

        Assert.AreEqual("ln", ln.Name);
        CollectionAssert.AreEqual(new[] { "/bin/bash", "/bin/sh" }, ln.Positionals().Select(w => w.Value).ToArray());
        Assert.IsTrue(ln.HasFlag("s") && ln.HasFlag("f"));
    }

    [TestMethod]
    public void A_long_flag_matches_alone_or_with_its_value_and_nothing_longer()
    {
        var apt = ShellScript.Parse("apt-get install --yes --target-release=bookworm -- --quiet x").Commands.Single();

        Assert.IsTrue(apt.HasFlag("yes"));
        Assert.IsTrue(apt.HasFlag("target-release"));
        Assert.IsFalse(apt.HasFlag("ye"));
        Assert.IsFalse(apt.HasFlag("target"));
        Assert.IsFalse(apt.HasFlag("yess"));
        Assert.IsFalse(apt.HasFlag("quiet")); // after --
        Assert.AreEqual("--target-release=bookworm", apt.FindFlag("target-release")?.Value);
    }

    [TestMethod]
    public void A_pipe_into_a_group_or_loop_marks_the_command_after_it()
    {
        var script = ShellScript.Parse("for f in *; do echo $f; done | sort && { a; b; } |& tee log");

        Assert.IsTrue(script.HasPipe);
        var piped = script.Commands.Where(c => c.PrecedingOperator == ShellOperator.Pipe).Select(c => c.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "sort", "tee" }, piped);
    }

    [TestMethod]
    public void A_case_runs_only_its_branches_and_its_pattern_bars_are_not_pipes()
    {
        var script = ShellScript.Parse(
            "case \"$(uname -m)\" in\n  x86_64|amd64) A=x64; echo one ;;\n  (aarch64|arm64) echo two | tr a b ;;\n  *) exit 1 ;;\nesac && make");

        CollectionAssert.AreEqual(new[] { "uname", "echo", "echo", "tr", "exit", "make" }, script.Commands.Select(c => c.Name).ToArray());
        Assert.IsTrue(script.HasPipe, "the pipe inside the second branch is a pipe");
        Assert.IsFalse(ShellScript.Parse("case $x in a|b) echo a ;; esac").HasPipe);
        // Nested and one-line forms; a quoted 'esac' is a pattern.
        CollectionAssert.AreEqual(new[] { "inner", "outer", "after" },
            ShellScript.Parse("case $a in 1) case $b in \"esac\"|x) inner ;; esac; outer ;; esac; after").Commands.Select(c => c.Name).ToArray());
    }
}
