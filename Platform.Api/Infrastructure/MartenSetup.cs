using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Platform.Api.Assessments;
using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.Consultations;
using Platform.Api.Following;
using Platform.Api.IndicatorProposals;
using Platform.Api.GoodPractices;
using Platform.Api.Monitoring;
using Platform.Api.Notifications;
using Platform.Api.Participation;
using Platform.Api.Proposals;
using Platform.Api.TownHalls;
using Platform.Api.Scorecards;
using Platform.Api.Search;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;
using Weasel.Core;
using Wolverine.Marten;

namespace Platform.Api.Infrastructure;

public static class MartenSetup
{
    /// <summary>
    /// The event store: one database, cities as conjoined tenants (tenant id = city slug), network-wide
    /// documents single-tenanted. A database per city stays a change in this method only.
    /// </summary>
    public static IServiceCollection AddPlatformMarten(this IServiceCollection services, PlatformOptions platform)
    {
        services.AddSingleton<ILiveViewNotifier, CoalescingLiveViewNotifier>();
        services.AddSingleton<StoreLog>();
        services.ConfigureMarten((provider, opts) => opts.Logger(provider.GetRequiredService<StoreLog>())); // expected refusals are not errors; no values in logs
        services.AddHttpContextAccessor();
        // The claim of a keyed request's first write (the request's scope is in its features, found through the accessor).
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(new IdempotencyClaimListener(provider.GetRequiredService<IHttpContextAccessor>())));
        services.AddMarten(opts =>
            {
                opts.DatabaseSchemaName = platform.Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                // Rich appends give inline projections the event sequence, which views carry as their version.
                opts.Events.AppendMode = EventAppendMode.Rich;
                // An index on (type, seq_id) of the event table: the participation breakdown reads the supports and votes by type.
                opts.Events.EnableEventTypeIndex = true;
                // While events keep arriving, look for them this often: it bounds the delay of async views and live pushes.
                opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(platform.Live.PollingMilliseconds);
                opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(platform.Live.PollingMilliseconds);
                opts.Policies.AllDocumentsAreMultiTenanted();
                opts.Schema.For<City>().SingleTenanted();
                opts.Schema.For<Account>().SingleTenanted().UniqueIndex(a => a.Email)
                    .Duplicate(a => a.RolesChangedAt) // an indexed column: every node polls recent role changes (RoleChangeLog)
                    .UseOptimisticConcurrency(true); // two changes of one account never overwrite each other (RoleEndpoints)
                opts.Schema.For<IdempotentRequest>().SingleTenanted().Duplicate(r => r.CreatedAt); // indexed: expired records are removed hourly
                opts.Schema.For<DataProtectionKey>().SingleTenanted();
                opts.Schema.For<AccountErasureMark>().SingleTenanted();
                opts.Storage.ExtendedSchemaObjects.Add(SignInGuard.Definition(platform.Schema)); // failed sign-ins, counted across nodes
                opts.Schema.For<CompletedMigration>().SingleTenanted();
                PersonalData.AddPrivacyMasking(opts); // erasure masks personal data in stored events (docs/privacy.md)

                // One line per feature; each feature's Setup class holds its own registrations.
                opts.AddConcerns(platform.Schema);
                opts.AddConsultations(platform.Schema);
                opts.AddProposals(platform.Schema);
                opts.AddTownHalls(platform.Schema);
                opts.AddParticipation(platform.Schema);
                opts.AddScorecards(platform.Schema);
                opts.AddCommitments(platform.Schema);
                opts.AddAssessments(platform.Schema);
                UnRecommendations.UnRecommendationsSetup.AddUnRecommendations(opts);
                opts.AddMonitoring(platform.Schema);
                opts.AddIndicatorProposals(platform.Schema);
                opts.AddFollowing();
                opts.AddSearch(platform.Schema);
                EqualParticipation.EqualParticipationSetup.AddEqualParticipation(opts);
                opts.AddKnowledge();
                Open311.Open311Setup.AddOpen311(opts);
                Organisations.OrganisationsSetup.AddOrganisations(opts);
                Organisations.OrganisationPersonalData.AddPrivacyMasking(opts); // a member's erasure masks their membership (docs/organisations.md)
                opts.AddNotificationEmail();
                opts.AddProjectionRebuilds(); // last: it tunes every projection registered above
            })
            .UseNpgsqlDataSource() // the node's one pool (PlatformDatabase); Wolverine's message store takes Marten's
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddSubscriptionWithServices<LiveViewSubscription>(ServiceLifetime.Singleton)
            // Wolverine spreads projections and subscriptions over the running nodes (leader election in PostgreSQL).
            .IntegrateWithWolverine(w => w.UseWolverineManagedEventSubscriptionDistribution = true);
        return services;
    }
}
