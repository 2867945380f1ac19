namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>Packs the packages under test once per run, before any test.</summary>
[TestClass]
public sealed class AssemblyFixture
{
    [AssemblyInitialize]
    public static void Initialize(TestContext context) => RunFixture.Initialize();

    [AssemblyCleanup]
    public static void Cleanup() => RunFixture.Cleanup();
}

/// <summary>Base of every test class: a failed test keeps the run's scratch folders for inspection.</summary>
public abstract class BuildTestBase
{
    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public void RecordOutcome()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
        {
            RunFixture.RecordFailure();
        }
    }
}
