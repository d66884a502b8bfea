using JasperFx.Events.Projections;
using Platform.Projections.Commitments;

namespace Platform.Api.Commitments;

/// <summary>Everything the Commitments feature registers: projections, indexes, reader, live view.</summary>
public static class CommitmentsSetup
{
    public static IServiceCollection AddCommitments(this IServiceCollection services)
    {
        services.AddSingleton<CommitmentReader>();
        services.AddSingleton<CommitmentHandler>();
        services.AddCityView<CommitmentReader>(CommitmentLiveRoute.View, reader => reader.LiveAsync);
        services.AddSingleton<ILiveViewRoute, CommitmentLiveRoute>();
        return services;
    }

    public static void AddCommitments(this StoreOptions opts, string schema)
    {
        opts.Projections.Add<CommitmentViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CommitmentStateProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<CommitmentView>().Index(x => x.PublishedAt).Index(x => x.ParentId!);
    }
}
