using Platform.Api.Demo;
using Platform.Domain.Assessments;

namespace Platform.Tests.Assessments;

/// <summary>The demo cycle passes every rule it goes through (a refused step would throw) and ends recognised.</summary>
public class DemoAssessmentTests
{
    [Fact]
    public void The_demo_cycle_is_reviewed_answered_followed_up_and_recognised()
    {
        var (id, events) = DemoAssessments.Events(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var state = Evolution<Assessment>.Fold(events)!;

        Assert.Equal((id, AssessmentStage.Reviewed, "york"), (state.Id, state.Stage, state.ReviewerCity));
        Assert.Equal([RecognitionLevel.Recognised], state.Recognitions);
        Assert.Contains(state.Recommendations, r => r.Response == RecommendationResponse.Supported && r.FollowUps == 1);
        Assert.Contains(state.Recommendations, r => r.Response == RecommendationResponse.Noted);
    }
}
