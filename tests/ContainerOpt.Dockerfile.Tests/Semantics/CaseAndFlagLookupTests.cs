using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Tests.Semantics;

/// <summary>The hand-made fast paths answer as the library calls they replace.</summary>
[TestClass]
public sealed class CaseAndFlagLookupTests
{
    [TestMethod]
    public void UppersTo_answers_as_comparing_ToUpperInvariant()
    {
        Assert.IsTrue(InvariantCase.UppersTo("cmd", "CMD"));
        Assert.IsTrue(InvariantCase.UppersTo("NoNe", "NONE"));
        Assert.IsFalse(InvariantCase.UppersTo("cmdx", "CMD"));
        Assert.IsFalse(InvariantCase.UppersTo("cnd", "CMD"));
        // A non-ASCII letter that upper-cases to an ASCII one (dotless i to I) is decided by ToUpperInvariant itself.
        Assert.AreEqual("\u0131d".ToUpperInvariant() == "ID", InvariantCase.UppersTo("\u0131d", "ID"));
        Assert.IsFalse(InvariantCase.UppersTo("c\u00e9d", "CMD"));
    }

    [TestMethod]
    [DataRow("from", false, true)]
    [DataRow("from", true, false)]
    [DataRow("FROM", true, true)]
    [DataRow("FROM", false, false)]
    [DataRow("From", false, false)]
    [DataRow("From", true, false)]
    [DataRow("build-2_x", false, true)]
    [DataRow("BUILD-2_X", true, true)]
    [DataRow("", false, true)]
    [DataRow("", true, true)]
    [DataRow("_[`@{", false, true)] // characters next to the letters are not letters
    [DataRow("_[`@{", true, true)]
    [DataRow("\u00e9t\u00e9", false, true)] // beyond ASCII: the invariant casing decides
    [DataRow("\u00e9t\u00e9", true, false)]
    [DataRow("\u00c9T\u00c9", true, true)]
    [DataRow("\u00c9t\u00e9", false, false)]
    public void Tells_a_text_that_equals_its_invariant_case(string text, bool upperCase, bool expected)
    {
        Assert.AreEqual(expected, InvariantCase.IsCased(text, upperCase));
        Assert.AreEqual(expected, InvariantCase.IsCased("<" + text + ">", 1, text.Length, upperCase), "a range of a longer text");
        Assert.AreEqual(expected, upperCase ? text == text.ToUpperInvariant() : text == text.ToLowerInvariant(), "the row says what the invariant casing says");
    }

    [TestMethod]
    public void Flag_lookup_finds_a_name_by_value_not_only_the_shared_string()
    {
        string chown = new string("chown".ToCharArray());
        Assert.AreEqual(InstructionFlags.FlagKind.String, InstructionFlags.Lookup(InstructionKind.Copy, chown));
        Assert.AreEqual(InstructionFlags.FlagKind.Bool, InstructionFlags.Lookup(InstructionKind.Add, "unpack"));
        Assert.AreEqual(InstructionFlags.FlagKind.StringList, InstructionFlags.Lookup(InstructionKind.Run, "mount"));
        Assert.IsNull(InstructionFlags.Lookup(InstructionKind.Copy, "mount"));
        Assert.IsNull(InstructionFlags.Lookup(InstructionKind.Workdir, "from"));
        Assert.IsNull(InstructionFlags.Lookup(InstructionKind.Unknown, "from"));
    }

    [TestMethod]
    public void Healthcheck_type_is_read_in_any_case()
    {
        var model = DockerfileModel.Build(DockerfileParser.Parse("FROM a\nHEALTHCHECK cmd\nHEALTHCHECK nOnE\nHEALTHCHECK Cmd curl x\nHEALTHCHECK nope x\n"));
        CollectionAssert.AreEqual(
            new[] { "Missing command after HEALTHCHECK CMD.", "Unknown type \"nope\" in HEALTHCHECK: use CMD or NONE." },
            model.Diagnostics.Select(d => d.Message).ToArray());
    }
}
