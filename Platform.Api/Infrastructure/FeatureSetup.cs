using System.Linq.Expressions;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Platform.Api.Infrastructure;

/// <summary>
/// What every feature of watchable items (concerns, proposals, commitments, consultations, town halls) registers the
/// same way: its reader, which also answers its live view; its command handler; the route that tells which events
/// change the view; and, in the store, the item's write state and view, both kept inline with the events.
/// </summary>
public static class FeatureSetup
{
    public static IServiceCollection AddItemFeature<TReader, THandler, TRoute>(this IServiceCollection services, string view,
        Func<TReader, Func<IQuerySession, string, Guid, CancellationToken, Task<LiveView?>>> live)
        where TReader : class where THandler : class where TRoute : class, ILiveViewRoute
    {
        services.AddSingleton<TReader>();
        services.AddSingleton<THandler>();
        services.AddCityView(view, live);
        services.AddSingleton<ILiveViewRoute, TRoute>();
        return services;
    }

    /// <summary>The item's write state (<see cref="StateProjection{TState}"/>) and its view, indexed by <paramref name="listedBy"/>.</summary>
    public static void AddItemStreams<TState, TView>(this StoreOptions opts, SingleStreamProjection<TView, Guid> view, Expression<Func<TView, object?>> listedBy)
        where TState : class where TView : class
    {
        opts.Projections.Add(view, ProjectionLifecycle.Inline);
        opts.Projections.Add(new StateProjection<TState>(), ProjectionLifecycle.Inline);
        opts.Schema.For<TView>().Index(listedBy);
    }

    /// <summary>
    /// An inline projection written in SQL (a tally, the search index, the board's rows): it takes only
    /// <paramref name="eventTypes"/>, so a rebuild reads only those events (a projection that names none is handed every
    /// event), and a daemon rebuild first empties its table (Marten cannot know what raw SQL writes).
    /// </summary>
    public static void AddSqlProjection<TProjection>(this StoreOptions opts, TProjection projection, IEnumerable<Type> eventTypes)
        where TProjection : class, IProjection, ISqlRebuild
    {
        opts.Projections.Add(projection, ProjectionLifecycle.Inline, asyncConfiguration: o => o.DeleteDataInTableOnTeardown(projection.Table));
        var registered = (EventFilterable)opts.Projections.All.OfType<IProjectionWrapper>().Single(w => ReferenceEquals(w.InnerProjection, projection));
        foreach (var type in eventTypes) registered.IncludeType(type);
    }
}
