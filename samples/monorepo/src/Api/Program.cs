var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => Shared.Greeting.For("container"));
app.MapGet("/health", () => Results.Ok());
app.Run();
