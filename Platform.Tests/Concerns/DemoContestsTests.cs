using Platform.Api.Demo;
using Platform.Domain.Concerns;
using Scenario = Platform.Tests.Domain.Scenario;

namespace Platform.Tests.Concerns;

/// <summary>York's demo contests pass every rule they go through (a refused step would throw) and show what the feature does.</summary>
public class DemoContestsTests
{
    [Theory]
    [InlineData(30), InlineData(14)]
    public void The_demo_has_a_reopened_concern_and_an_escalated_one_with_a_finding(int responseDays)
    {
        var author = (Guid.NewGuid(), Guid.NewGuid());
        var stories = DemoContests.Stories(Guid.NewGuid(), Guid.NewGuid(), [author, (Guid.NewGuid(), Guid.NewGuid())], responseDays, DateTimeOffset.UtcNow);

        var reopened = Evolution<Concern>.Fold(stories[0].Events)!;
        Assert.Equal((ConcernStatus.Acknowledged, 1, false), (reopened.Status, reopened.Reopens, reopened.Escalated));
        Assert.True(reopened.ResponseDue > DateTimeOffset.UtcNow, "the reopened concern awaits its new answer");
        Assert.Equal(author.Item2, stories[0].Events.OfType<ConcernContested>().Single().ContestedBy);

        var escalated = Evolution<Concern>.Fold(stories[1].Events)!;
        Assert.Equal((2, true, true), (escalated.Reopens, escalated.Escalated, escalated.FindingRecorded));
        Assert.Equal("upheld", stories[1].Events.OfType<EscalationFindingRecorded>().Single().Outcome);
    }
}
