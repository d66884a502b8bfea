using JasperFx.Events.Projections;
using Platform.Domain.Commitments;
using Platform.Projections.Commitments;

namespace Platform.Api.Commitments;

/// <summary>Everything the Commitments feature registers: projections, indexes, reader, live view.</summary>
public static class CommitmentsSetup
{
    public static IServiceCollection AddCommitments(this IServiceCollection services)
    {
        services.AddItemFeature<CommitmentReader, CommitmentHandler, CommitmentLiveRoute>(CommitmentLiveRoute.View, reader => reader.LiveAsync);
        return services;
    }

    public static void AddCommitments(this StoreOptions opts, string schema)
    {
        opts.AddItemStreams<Commitment, CommitmentView>(new CommitmentViewProjection(), view => view.PublishedAt);
        opts.Schema.For<CommitmentView>().Index(x => x.ParentId!);
    }
}
