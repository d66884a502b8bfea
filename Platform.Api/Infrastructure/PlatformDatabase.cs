using System.Diagnostics;

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
            // With telemetry on, a command is a span only inside a traced operation (a request, a message, a
            // projection batch): the polling of the event daemon and of Wolverine would otherwise start a trace of
            // its own every few milliseconds.
            builder.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null));
            return builder.Build();
        });
        services.AddSingleton<ConnectionBudget>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectionBudget>());
        return services;
    }
}
