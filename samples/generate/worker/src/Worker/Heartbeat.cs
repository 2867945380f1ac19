namespace Worker;

/// <summary>Writes a heartbeat line every second until the host stops.</summary>
public sealed class Heartbeat : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (int beat = 1; !stoppingToken.IsCancellationRequested; beat++)
        {
            Console.WriteLine($"worker heartbeat {beat}");
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
        }
    }
}
