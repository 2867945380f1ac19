// Two workers: each test drives its own dotnet build processes on a 2-core machine.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]
