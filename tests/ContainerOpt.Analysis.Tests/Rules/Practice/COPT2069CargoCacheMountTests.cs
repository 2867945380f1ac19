using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2069CargoCacheMountTests
{
    [TestMethod]
    public void A_cargo_build_without_a_cache_mount_is_reported_at_cargo()
    {
        var findings = RuleVerifier.Verify<COPT2069CargoCacheMount>("FROM rust:1.80\nRUN [|cargo|] build --release\n");
        StringAssert.StartsWith(findings[0].Message, "'cargo build' downloads crates into cargo's registry and git folders");
        CollectionAssert.AreEqual(new[] { "DL3069" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Each_run_is_reported_once_at_its_first_cargo_command() =>
        RuleVerifier.Verify<COPT2069CargoCacheMount>(
            "FROM rust:1.80\nRUN [|cargo|] fetch && cargo test && cargo +nightly --locked build\nRUN cargo --version\nONBUILD RUN [|cargo|] install ripgrep\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_the_cargo_home_is_fine() =>
        RuleVerifier.Verify<COPT2069CargoCacheMount>(
            "FROM rust:1.80\nRUN --mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git cargo build\n"
            + "RUN --mount=type=cache,target=/usr/local/cargo/registry cargo build\nRUN --mount=type=tmpfs,target=/root/.cargo cargo check\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2069CargoCacheMount>(
            "FROM rust:1.80\nRUN --mount=type=cache,target=/app/target [|cargo|] build\nRUN --mount=type=bind,target=/root/.cargo [|cargo|] build\n");
}
