using Marten.Events.Projections;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;

namespace Platform.Projections.Assessments;

/// <summary>
/// Counts the levels of each city's latest submitted assessment by framework section. Only submissions
/// feed it, and the submission carries every item's level, so one event replaces the city's counts.
/// </summary>
public partial class FrameworkCoverageProjection : MultiStreamProjection<FrameworkCoverage, string>
{
    public FrameworkCoverageProjection()
    {
        Identity<AssessmentSubmitted>(e => e.City);
    }

    public static FrameworkCoverage Create(IEvent<AssessmentSubmitted> e) => Counted(new FrameworkCoverage { Id = e.Data.City }, e);

    public static FrameworkCoverage Apply(IEvent<AssessmentSubmitted> e, FrameworkCoverage coverage) =>
        // A cycle submitted earlier than the one shown (events replayed out of order across streams) does not replace it.
        e.Data.SubmittedAt < coverage.SubmittedAt ? coverage : Counted(coverage, e);

    private static FrameworkCoverage Counted(FrameworkCoverage coverage, IEvent<AssessmentSubmitted> e)
    {
        var framework = FrameworkCatalogue.Default;
        var sections = Enum.GetValues<FrameworkSection>().ToDictionary(
            s => s.ToString().ToLowerInvariant(),
            _ => Enum.GetValues<AssessmentLevel>().ToDictionary(l => l, _ => 0));
        foreach (var (code, level) in e.Data.Levels)
            if (framework.ByCode.TryGetValue(code, out var item))
                sections[item.Section.ToString().ToLowerInvariant()][level]++;
        return new FrameworkCoverage
        {
            Id = coverage.Id, Cycle = e.Data.Cycle, SubmittedAt = e.Data.SubmittedAt, Sections = sections, Sequence = e.Sequence,
        };
    }
}
