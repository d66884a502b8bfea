using Platform.Domain.GoodPractices;
using Platform.Projections.GoodPractices;

namespace Platform.Api.GoodPractices;

/// <summary>
/// What the network's knowledge registers: the good-practice library (handler, reader, write state and view), the
/// network's annual report and the know-your-rights pages' reader.
/// </summary>
public static class KnowledgeSetup
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<GoodPracticeReader>();
        services.AddSingleton<GoodPracticeHandler>();
        services.AddSingleton<NetworkReports.NetworkReportReader>();
        services.AddSingleton<KnowYourRights.CityRightReader>();
        return services;
    }

    public static void AddKnowledge(this StoreOptions opts)
    {
        opts.AddItemStreams<GoodPractice, GoodPracticeView>(new GoodPracticeViewProjection(), view => view.PublishedAt);
        opts.Schema.For<GoodPracticeView>().Index(x => x.City);
        opts.AddItemStreams<PracticeAdoptionState, PracticeAdoptionView>(new PracticeAdoptionViewProjection(), view => view.PracticeId);
    }
}
