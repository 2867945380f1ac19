using Data;
using Domain;

var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => OrderSummary.Describe(OrderStore.Count));
app.Run();
