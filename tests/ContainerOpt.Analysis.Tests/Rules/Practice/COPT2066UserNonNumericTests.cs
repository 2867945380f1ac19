using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2066UserNonNumericTests
{
    [TestMethod]
    public void User_name_is_reported_as_info()
    {
        var findings = RuleVerifier.Verify<COPT2066UserNonNumeric>("FROM scratch\nUSER [|foobar|]\n");
        Assert.AreEqual("USER 'foobar' is a name, which the host and Kubernetes (runAsNonRoot) cannot resolve: use the numeric UID (USER 1000 or USER 1000:1000).", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
        CollectionAssert.AreEqual(new[] { "DL3066" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Numeric_uid_with_or_without_group_is_fine() =>
        RuleVerifier.Verify<COPT2066UserNonNumeric>("FROM scratch\nUSER 12345\nUSER 1234:5678\nUSER 1000:app\n");

    [TestMethod]
    public void Name_with_group_is_reported() =>
        RuleVerifier.Verify<COPT2066UserNonNumeric>("FROM scratch\nUSER [|foobar:barfoo|]\n");

    [TestMethod]
    public void Variables_are_judged_by_their_value()
    {
        RuleVerifier.Verify<COPT2066UserNonNumeric>("FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER $APP_UID\n");
        RuleVerifier.Verify<COPT2066UserNonNumeric>("FROM scratch\nARG UID=1000\nUSER ${UID}\n");
        RuleVerifier.Verify<COPT2066UserNonNumeric>("FROM scratch\nARG NAME=app\nUSER [|${NAME}|]\n");
    }

    [TestMethod]
    public void Onbuild_user_is_checked() =>
        RuleVerifier.Verify<COPT2066UserNonNumeric>("FROM scratch\nONBUILD USER [|www-data|]\n");
}
