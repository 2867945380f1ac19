namespace Shop.Core;

public static class Greeting
{
    public static string For(string name) => $"Hello from the {name}.";
}
