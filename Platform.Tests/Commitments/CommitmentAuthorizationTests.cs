
namespace Platform.Tests.Commitments;

/// <summary>Only officials of the city write its commitments; an unknown city is a 404 for everyone.</summary>
[Collection(IntegrationCollection.Name)]
public class CommitmentAuthorizationTests(AppFixture app)
{
    public static TheoryData<string> Writes => new() { "publish", "milestones", "progress", "deadline", "fulfilment", "abandonment" };

    private static object BodyOf(string write) => write switch
    {
        "publish" => CommitmentApi.Body(),
        "milestones" => new { title = "Contract", dueDate = CommitmentApi.InDays(10) },
        "progress" => new { percent = 10 },
        "deadline" => new { dueDate = CommitmentApi.InDays(400), reason = "Delay" },
        "fulfilment" => new { evidenceUrl = "https://york.gov.uk/done" },
        _ => new { reason = "Dropped" },
    };

    [Theory, MemberData(nameof(Writes))]
    public async Task Anonymous_is_401_resident_and_official_elsewhere_are_403_unknown_city_is_404_official_here_succeeds(string write)
    {
        var official = await app.OfficialAsync();
        var id = await app.PublishCommitmentAsync(official);
        string Url(string city) => write == "publish" ? $"/api/cities/{city}/commitments" : $"/api/cities/{city}/commitments/{id}/{write}";
        var resident = await app.ResidentAsync();
        var elsewhere = await app.OfficialAsync("utrecht");
        var before = await app.EventCountAsync();

        await app.Host.Scenario(x => { x.Post.Json(BodyOf(write)).ToUrl(Url("york")); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Post.Json(BodyOf(write)).ToUrl(Url("york")); x.As(resident); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(BodyOf(write)).ToUrl(Url("york")); x.As(elsewhere); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(BodyOf(write)).ToUrl(Url("atlantis")); x.As(official); x.StatusCodeShouldBe(404); });
        // An official of Utrecht cannot reach a York commitment through Utrecht either: it is another tenant.
        if (write != "publish")
            await app.Host.Scenario(x => { x.Post.Json(BodyOf(write)).ToUrl(Url("utrecht")); x.As(elsewhere); x.StatusCodeShouldBe(404); });
        Assert.Equal(before, await app.EventCountAsync());

        await app.Host.Scenario(x => { x.Post.Json(BodyOf(write)).ToUrl(Url("york")); x.As(official); x.StatusCodeShouldBe(write == "publish" ? 201 : 200); });
    }

    [Fact]
    public async Task Reading_is_public_and_an_unknown_city_is_a_404()
    {
        var id = await app.PublishCommitmentAsync(await app.OfficialAsync());
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/commitments/{id}"); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/commitments"); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/atlantis/commitments"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/utrecht/commitments/{id}"); x.StatusCodeShouldBe(404); });
    }
}
