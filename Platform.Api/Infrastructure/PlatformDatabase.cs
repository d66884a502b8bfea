using Npgsql;

namespace Platform.Api.Infrastructure;

public static class PlatformDatabase
{
    /// <summary>
    /// The node's one pool of PostgreSQL connections, sized by <see cref="DatabaseOptions"/>: the
    /// <see cref="NpgsqlDataSource"/> that Marten (and through it Wolverine's message store) and the readers all use,
    /// and the start-up check of the connection budget.
    /// </summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, string connectionString, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(options.Pooled(connectionString)) { Name = "platform" };
            return builder.Build();
        });
        services.AddSingleton<ConnectionBudget>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectionBudget>());
        return services;
    }
}
