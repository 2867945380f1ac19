Console.WriteLine($"Hello from the ContainerOpt console sample on .NET {Environment.Version} as uid {Environment.GetEnvironmentVariable("APP_UID") ?? "?"}");
