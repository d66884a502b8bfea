namespace Platform.Api.Demo;

/// <summary>Runs <see cref="DemoNetwork.SeedIfEmptyAsync"/> at start-up when <c>Platform:Demo:Seed</c> is true.</summary>
public sealed class DemoSeeding(DemoNetwork network) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => network.SeedIfEmptyAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
