using Platform.Domain.Reference;

namespace Platform.Domain.Assessments;

/// <summary>
/// What each recognition level needs, checked against one assessment cycle (docs/assessments.md lists the
/// same rules). "In place" means in place or in place and evaluated.
/// <list type="bullet">
/// <item><c>recognised</c>: every foundation (A) in place; at least <see cref="MinStructuresInPlace"/> structures (B)
/// in place; a monitoring cycle done, i.e. the assessment submitted and its peer review submitted.</item>
/// <item><c>advanced</c>: all of that, every tool (C) in place, and every supported recommendation followed up at least once.</item>
/// </list>
/// </summary>
public static class RecognitionRules
{
    public const int MinStructuresInPlace = 4;

    public const string FoundationsInPlace = "all-foundations-in-place";
    public const string StructuresInPlace = "four-structures-in-place";
    public const string MonitoringCycleCompleted = "monitoring-cycle-completed";
    public const string ToolsInPlace = "all-tools-in-place";
    public const string SupportedRecommendationsFollowedUp = "supported-recommendations-followed-up";

    /// <summary>The rules <paramref name="assessment"/> does not meet for <paramref name="level"/>; empty when it may be awarded.</summary>
    public static IReadOnlyList<DomainError> Unmet(Assessment assessment, RecognitionLevel level, FrameworkCatalogue framework)
    {
        var unmet = new List<DomainError>();
        bool InPlace(FrameworkItem item) => assessment.Levels.TryGetValue(item.Code, out var l) && AssessmentRules.IsInPlace(l);
        DomainError Unmet(string code, string message) => DomainError.Rule(code, message, "rules");

        var foundationsMissing = framework.In(FrameworkSection.Foundations).Where(i => !InPlace(i)).Select(i => i.Code).ToArray();
        if (foundationsMissing.Length > 0)
            unmet.Add(Unmet(FoundationsInPlace, $"Every foundation must be in place; not in place: {string.Join(", ", foundationsMissing)}."));

        var structures = framework.In(FrameworkSection.Structures).Count(InPlace);
        if (structures < MinStructuresInPlace)
            unmet.Add(Unmet(StructuresInPlace, $"At least {MinStructuresInPlace} structures must be in place; {structures} are."));

        if (assessment.Stage != AssessmentStage.Reviewed)
            unmet.Add(Unmet(MonitoringCycleCompleted, "The cycle needs a submitted assessment and a submitted peer review."));

        if (level == RecognitionLevel.Advanced)
        {
            var toolsMissing = framework.In(FrameworkSection.Tools).Where(i => !InPlace(i)).Select(i => i.Code).ToArray();
            if (toolsMissing.Length > 0)
                unmet.Add(Unmet(ToolsInPlace, $"Every tool must be in place or evaluated; not in place: {string.Join(", ", toolsMissing)}."));

            var notFollowedUp = assessment.Recommendations.Count(r => r.Response == RecommendationResponse.Supported && r.FollowUps == 0);
            if (notFollowedUp > 0)
                unmet.Add(Unmet(SupportedRecommendationsFollowedUp, $"Every supported recommendation needs a follow-up report; {notFollowedUp} have none."));
        }
        return unmet;
    }
}
