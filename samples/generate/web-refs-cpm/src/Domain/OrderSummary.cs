using Humanizer;

namespace Domain;

public static class OrderSummary
{
    /// <summary>"3 orders" in words, through a package whose version is managed centrally.</summary>
    public static string Describe(int count) => "order".ToQuantity(count, ShowQuantityAs.Words);
}
