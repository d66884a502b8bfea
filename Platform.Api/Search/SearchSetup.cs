using JasperFx.Events.Projections;
using Platform.Projections.Search;

namespace Platform.Api.Search;

/// <summary>Everything search registers: the index table, the projection that keeps it, its one-time fill from the views, the reader.</summary>
public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchReader>();
        services.AddSingleton<SearchIndexFill>();
        services.AddHostedService(provider => provider.GetRequiredService<SearchIndexFill>());
        return services;
    }

    public static void AddSearch(this StoreOptions opts, string schema)
    {
        opts.Storage.ExtendedSchemaObjects.Add(SearchIndex.Table(schema));
        opts.AddSqlProjection(new SearchIndexProjection(schema), SearchIndexProjection.EventTypes);
    }
}
