var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from the naive-web sample.");
app.MapGet("/healthz", () => Results.Ok(new { status = "healthy" }));

app.Run();
