using Platform.Projections.Participation;

namespace Platform.Api.Participation;

/// <summary>What "one resident, one voice" registers: the writer (with its group commit lanes), its handler, and the gate.</summary>
public static class ParticipationSetup
{
    public static IServiceCollection AddParticipation(this IServiceCollection services)
    {
        services.AddSingleton<ParticipationWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ParticipationWriter>());
        services.AddSingleton<ParticipationHandler>();
        services.AddSingleton<OpenToParticipationSnapshots>();
        services.AddHostedService(provider => provider.GetRequiredService<OpenToParticipationSnapshots>());
        return services;
    }

    public static void AddParticipation(this StoreOptions opts, string schema)
    {
        opts.Storage.ExtendedSchemaObjects.Add(ParticipationGate.OpenFunction(schema));
        opts.Storage.ExtendedSchemaObjects.Add(ParticipationGate.Function(schema));
    }
}
