using Platform.Domain.EqualParticipation;

namespace Platform.Api.EqualParticipation;

/// <summary>Everything equal participation registers: its handlers and reader, its documents.</summary>
public static class EqualParticipationSetup
{
    public static IServiceCollection AddEqualParticipation(this IServiceCollection services)
    {
        services.AddSingleton<ProfileHandler>();
        services.AddSingleton<PopulationHandler>();
        services.AddSingleton<AssistanceHandler>();
        services.AddSingleton<ParticipationBreakdownReader>();
        services.AddSingleton<Reports.ReportParticipationReader>();
        return services;
    }

    public static void AddEqualParticipation(this StoreOptions opts)
    {
        // Network-wide: a person's profile, under their pseudonym, whichever city they take part in.
        opts.Schema.For<ParticipationProfile>().SingleTenanted();
        // Per city (the policy's default): its population shares, its offline residents.
        opts.Schema.For<PopulationShares>();
        opts.Schema.For<OfflineResident>();
    }
}
