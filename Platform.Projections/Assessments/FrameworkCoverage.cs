using Platform.Domain.Assessments;

namespace Platform.Projections.Assessments;

/// <summary>
/// A city's framework coverage for the network benchmark: how many items of each section (foundations,
/// structures, tools) stand at each level in its latest submitted assessment. Keyed by the city slug.
/// </summary>
public sealed class FrameworkCoverage
{
    public string Id { get; set; } = "";
    public string Cycle { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>Per section (foundations, structures, tools): items per level.</summary>
    public Dictionary<string, Dictionary<AssessmentLevel, int>> Sections { get; set; } = [];
    public long Sequence { get; set; }
}
