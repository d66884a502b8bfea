using JasperFx.Events.Projections;
using Platform.Domain.UnRecommendations;
using Platform.Projections.UnRecommendations;

namespace Platform.Api.UnRecommendations;

/// <summary>Everything the UN recommendations feature registers: the register's state and view (inline), the handler and the reader.</summary>
public static class UnRecommendationsSetup
{
    public static IServiceCollection AddUnRecommendations(this IServiceCollection services)
    {
        services.AddSingleton<UnRecommendationReader>();
        services.AddSingleton<UnRecommendationHandler>();
        return services;
    }

    public static void AddUnRecommendations(this StoreOptions opts)
    {
        opts.Projections.Add(new StateProjection<UnRecommendationRegister>(), ProjectionLifecycle.Inline);
        opts.Projections.Add<UnRecommendationsViewProjection>(ProjectionLifecycle.Inline);
    }
}
