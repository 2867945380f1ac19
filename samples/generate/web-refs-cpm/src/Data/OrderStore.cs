namespace Data;

public static class OrderStore
{
    public static int Count => 3;
}
