for (int i = 0; i < 3; i++)
{
    Console.WriteLine(Shared.Greeting.For($"tick {i}"));
    await Task.Delay(TimeSpan.FromSeconds(1));
}
