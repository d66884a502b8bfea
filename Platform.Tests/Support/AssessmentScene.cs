
namespace Platform.Tests.Support;

/// <summary>
/// A fresh city with its 2026 assessment brought to a stage, and the people around it: for tables of
/// refused writes. Stages: none (no cycle), draft, submitted, reviewing (reviewer assigned, nothing
/// drafted), reviewed (review submitted with three recommendations: one unanswered, one supported, one noted).
/// </summary>
public sealed record AssessmentScene(string City, string ReviewerCity, Actor Official, Actor Reviewer, Actor Administrator, Actor Resident,
    Guid Unanswered, Guid Supported, Guid Noted)
{
    public const string Cycle = "2026";

    public string Url => AssessmentApi.AssessmentUrl(City, Cycle);

    public static async Task<AssessmentScene> ArrangeAsync(AppFixture app, string stage)
    {
        var city = await app.NewCityAsync();
        var reviewerCity = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var reviewer = await app.AccountAsync(reviewerCity, CityRole.Official);
        var admin = await app.NetworkAdministratorAsync();
        var resident = await app.AccountAsync(city, CityRole.Resident);
        Guid unanswered = Guid.CreateVersion7(), supported = Guid.CreateVersion7(), noted = Guid.CreateVersion7();
        var url = AssessmentApi.AssessmentUrl(city, Cycle);

        if (stage == "draft") await app.StartAssessmentAsync(city, official, Cycle);
        if (stage is "submitted" or "reviewing" or "reviewed")
            await app.SubmittedAssessmentAsync(city, official, AssessmentApi.AdvancedLevel, Cycle);
        if (stage is "reviewing" or "reviewed") await app.AssignReviewerAsync(city, admin, reviewerCity, Cycle);
        if (stage == "reviewed")
        {
            unanswered = await app.RecommendAsync(city, reviewer, "B2", Cycle);
            supported = await app.RecommendAsync(city, reviewer, "B4", Cycle);
            noted = await app.RecommendAsync(city, reviewer, "C6", Cycle);
            await app.PostAsync($"{url}/review/submit", null, reviewer, 200);
            await app.PostAsync($"{url}/recommendations/{supported}/response", new { response = "supported" }, official, 200);
            await app.PostAsync($"{url}/recommendations/{noted}/response", new { response = "noted", note = "Not ours." }, official, 200);
        }
        return new AssessmentScene(city, reviewerCity, official, reviewer, admin, resident, unanswered, supported, noted);
    }
}
