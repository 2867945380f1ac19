using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Dockerfile.Tests.Semantics;

/// <summary>
/// Scopes share one history of bindings per line of scopes: each keeps what it saw, a branch never sees
/// its sibling's bindings, and n ARG/ENV lines cost n bindings, not n² copies.
/// </summary>
[TestClass]
public sealed class VariableScopeTests
{
    private static string? Get(VariableScope scope, string name) => scope.TryGetValue(name, out var value) ? value : null;

    [TestMethod]
    public void An_older_scope_keeps_what_it_saw()
    {
        var one = VariableScope.Empty.With(VariableKind.Env, "A", "1");
        var two = one.With(VariableKind.Env, "A", "2");
        var three = two.With(VariableKind.Arg, "B", "b");
        Assert.AreEqual("1", Get(one, "A"));
        Assert.IsNull(Get(one, "B"));
        Assert.AreEqual("2", Get(two, "A"));
        Assert.AreEqual("2", Get(three, "A"));
        Assert.AreEqual("b", Get(three, "B"));
        Assert.IsNull(Get(VariableScope.Empty, "A"));
        Assert.IsNull(VariableScope.Empty.KindOf("A"));
        Assert.AreEqual(0, VariableScope.Empty.ToDictionary().Count);
    }

    [TestMethod]
    public void Branches_from_one_parent_do_not_see_each_other()
    {
        var parent = VariableScope.Empty.With(VariableKind.Env, "A", "1").With(VariableKind.Arg, "P", "p");
        var left = parent.With(VariableKind.Env, "B", "left");
        // The parent is no longer the newest scope of its history: this is a branch.
        var right = parent.With(VariableKind.Env, "B", "right").With(VariableKind.Env, "C", "c");
        // Extending either branch again, and the parent a third time, keeps them apart.
        var leftMore = left.With(VariableKind.Env, "D", "left-d");
        var third = parent.With(VariableKind.Arg, "B", "arg");
        var rightMore = right.With(VariableKind.Env, "D", "right-d");

        Assert.IsNull(Get(parent, "B"));
        Assert.AreEqual("left", Get(left, "B"));
        Assert.AreEqual("right", Get(right, "B"));
        Assert.IsNull(Get(left, "C"));
        Assert.AreEqual("c", Get(right, "C"));
        Assert.AreEqual("left-d", Get(leftMore, "D"));
        Assert.AreEqual("right-d", Get(rightMore, "D"));
        Assert.IsNull(Get(left, "D"));
        Assert.IsNull(Get(right, "D"));
        Assert.AreEqual("arg", Get(third, "B"));
        Assert.AreEqual(VariableKind.Arg, third.KindOf("B"));
        Assert.IsNull(Get(third, "C"));
        foreach (var scope in new[] { parent, left, right, leftMore, rightMore, third })
        {
            Assert.AreEqual("1", Get(scope, "A"));
            Assert.AreEqual("p", Get(scope, "P"));
            Assert.AreEqual(VariableKind.Arg, scope.KindOf("P"));
        }
        CollectionAssert.AreEquivalent(new[] { "A", "P", "B", "C", "D" }, rightMore.ToDictionary().Keys.ToArray());
        CollectionAssert.AreEquivalent(new[] { "A", "P", "B", "D" }, leftMore.ToDictionary().Keys.ToArray());
        CollectionAssert.AreEquivalent(new[] { "A", "B", "D" }, leftMore.EnvironmentOnly().Keys.ToArray());
        CollectionAssert.AreEquivalent(new[] { "A" }, third.EnvironmentOnly().Keys.ToArray());
    }

    [TestMethod]
    public void The_scopes_of_a_built_model_stay_as_they_were_when_extended()
    {
        var model = DockerfileModel.Build(ContainerOpt.Dockerfile.Syntax.DockerfileParser.Parse("FROM alpine\nARG A=1\nENV B=2\nRUN true\n"));
        var stage = model.Stages.Single();
        var final = stage.FinalScope;
        var run = stage.Instructions.Last();
        // The model's scopes are sealed: extending the newest one branches off, as extending an older one does.
        var extended = final.With(VariableKind.Env, "B", "3").With(VariableKind.Env, "C", "4");
        var other = final.With(VariableKind.Env, "C", "5");
        Assert.AreEqual("3", Get(extended, "B"));
        Assert.AreEqual("4", Get(extended, "C"));
        Assert.AreEqual("5", Get(other, "C"));
        Assert.AreEqual("2", Get(other, "B"));
        Assert.AreEqual("2", Get(final, "B"));
        Assert.IsNull(Get(final, "C"));
        Assert.AreEqual("1", Get(run.Scope, "A"));
        Assert.AreEqual("2", Get(run.Scope, "B"));
        Assert.IsNull(Get(run.Scope, "C"));
        Assert.IsNull(Get(stage.Instructions[1].Scope, "B"));
    }

    [TestMethod]
    public void Env_wins_over_arg_whatever_the_order()
    {
        var envFirst = VariableScope.Empty.With(VariableKind.Env, "V", "env").With(VariableKind.Arg, "V", "arg");
        var argFirst = VariableScope.Empty.With(VariableKind.Arg, "V", "arg").With(VariableKind.Env, "V", "env");
        foreach (var scope in new[] { envFirst, argFirst })
        {
            Assert.AreEqual("env", Get(scope, "V"));
            Assert.AreEqual(VariableKind.Env, scope.KindOf("V"));
            Assert.AreEqual("env", scope.ToDictionary()["V"]);
            Assert.AreEqual("env", scope.EnvironmentOnly()["V"]);
        }
        var argOnly = VariableScope.Empty.With(VariableKind.Arg, "V", "arg");
        Assert.AreEqual(0, argOnly.EnvironmentOnly().Count);
        Assert.AreEqual("arg", argOnly.ToDictionary()["V"]);
    }

    [TestMethod]
    public void Within_one_line_the_later_binding_wins()
    {
        var scope = VariableScope.Empty.With(VariableKind.Env, new[]
        {
            new KeyValuePair<string, string>("A", "first"),
            new KeyValuePair<string, string>("B", "b"),
            new KeyValuePair<string, string>("A", "second"),
        });
        Assert.AreEqual("second", Get(scope, "A"));
        Assert.AreEqual("b", Get(scope, "B"));
        Assert.AreEqual(2, scope.ToDictionary().Count);
    }

    [TestMethod]
    public void A_failing_enumeration_leaves_no_half_line_behind()
    {
        var scope = VariableScope.Empty.With(VariableKind.Env, "A", "1");
        IEnumerable<KeyValuePair<string, string>> Failing()
        {
            yield return new KeyValuePair<string, string>("A", "half");
            throw new InvalidOperationException("boom");
        }
        Assert.ThrowsExactly<InvalidOperationException>(() => scope.With(VariableKind.Env, Failing()));
        var next = scope.With(VariableKind.Env, "B", "2");
        Assert.AreEqual("1", Get(next, "A"));
        Assert.AreEqual("1", Get(scope, "A"));
    }

    [TestMethod]
    public void A_line_of_scopes_costs_memory_linear_in_its_bindings()
    {
        static long Chain(int n)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var scope = VariableScope.Empty;
            var kept = new VariableScope[n];
            for (int i = 0; i < n; i++)
            {
                scope = scope.With(i % 2 == 0 ? VariableKind.Env : VariableKind.Arg, "V" + i, "x");
                kept[i] = scope;
            }
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            // Every scope still sees its own binding and not the next one.
            for (int i = 0; i < n; i += 997)
            {
                Assert.AreEqual("x", Get(kept[i], "V" + i));
                Assert.IsNull(Get(kept[i], "V" + (i + 1)));
            }
            return bytes;
        }
        Chain(1_000);
        long small = Chain(20_000), large = Chain(80_000);
        double ratio = (double)large / small;
        // Copying the scope per line (or every 32 lines) allocates 16x for 4x the lines.
        Assert.IsTrue(ratio < 5, $"20,000 scopes allocated {small:N0} B, 80,000 {large:N0} B (x{ratio:F2})");
        Assert.IsTrue(large < 80_000 * 600L, $"80,000 scopes allocated {large:N0} B");
    }
}
