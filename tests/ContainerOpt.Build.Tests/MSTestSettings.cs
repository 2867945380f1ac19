// Two workers, one test class each at a time: each test drives its own dotnet build processes on a
// 2-core machine, and the tests of a class that share one scratch project (SharedProject) run one
// after another anyway, so class-level scheduling keeps both workers busy.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]
