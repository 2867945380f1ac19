var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "Hello from the ContainerOpt web API sample");
app.MapGet("/health", () => Results.Ok(new { status = "healthy", user = Environment.UserName }));
app.Run();
