using JasperFx.Events.Projections;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>Everything the Assessments feature registers: the framework catalogue, projections, reader.</summary>
public static class AssessmentsSetup
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddSingleton(FrameworkCatalogue.Default);
        services.AddSingleton<AssessmentReader>();
        services.AddSingleton<AssessmentHandler>();
        return services;
    }

    public static void AddAssessments(this StoreOptions opts, string schema)
    {
        opts.Projections.Add(new StateProjection<Assessment>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new StateProjection<CommitmentDeclaration>(), ProjectionLifecycle.Inline);
        opts.Projections.Add<AssessmentViewProjection>(ProjectionLifecycle.Inline);
        // Inline although it is a network view: it changes only when a city submits (a few times a year),
        // and the benchmark should show a submission at once.
        opts.Projections.Add<FrameworkCoverageProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<AssessmentView>().Index(x => x.Stage);
    }
}
