namespace Platform.Api.Live;

/// <summary>
/// The snapshot source of a watchable view of one item of a city (a concern, a town hall): a session of the city, and
/// the feature's reader, which answers the same body as the item's <c>GET</c>. Registered per feature with
/// <see cref="CityViewSources.AddCityView{TReader}"/>.
/// </summary>
public sealed class CityViewSource(string view, Func<IQuerySession, string, Guid, CancellationToken, Task<LiveView?>> load) : ILiveViewSource
{
    public string View => view;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        return await load(session, city, id, cancellation);
    }
}

public static class CityViewSources
{
    /// <summary>Makes <paramref name="view"/> watchable, its snapshots read by <typeparamref name="TReader"/>'s method <paramref name="load"/> picks.</summary>
    public static IServiceCollection AddCityView<TReader>(this IServiceCollection services, string view,
        Func<TReader, Func<IQuerySession, string, Guid, CancellationToken, Task<LiveView?>>> load) where TReader : class =>
        services.AddSingleton<ILiveViewSource>(provider => new CityViewSource(view, load(provider.GetRequiredService<TReader>())));
}
