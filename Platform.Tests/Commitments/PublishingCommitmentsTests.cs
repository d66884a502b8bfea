
namespace Platform.Tests.Commitments;

/// <summary>Officials publish commitments; anyone reads them, with origins, timeline, roll-up and filters.</summary>
[Collection(IntegrationCollection.Name)]
public class PublishingCommitmentsTests(AppFixture app)
{
    [Fact]
    public async Task Publishing_answers_a_concern_which_then_shows_the_commitment()
    {
        var official = await app.OfficialAsync();
        var concern = await app.RaiseAsync();
        var consultation = await app.OpenConsultationAsync(official);
        var proposal = await app.SubmitAsync();

        var published = await app.PublishAsync(official, CommitmentApi.Body(origins:
        [
            new { kind = "concern", id = concern }, new { kind = "consultation", id = consultation }, new { kind = "proposal", id = proposal },
        ]));
        var id = published.GetProperty("id").GetGuid();

        Assert.Equal("onTrack", published.GetProperty("status").GetString());
        Assert.Equal(["published"], published.TimelineKinds());
        Assert.True(published.GetProperty("version").GetInt64() > 0);
        var origins = published.GetProperty("origins").EnumerateArray().Select(o => (o.GetProperty("kind").GetString(), o.GetProperty("id").GetGuid())).ToArray();
        Assert.Equal([("concern", concern), ("consultation", consultation), ("proposal", proposal)], origins);

        var concernView = await app.GetConcernAsync(concern);
        Assert.Contains(id, concernView.GetProperty("commitments").EnumerateArray().Select(c => c.GetGuid()));

        var fetched = await app.GetCommitmentAsync(id);
        Assert.Equal("Housing", fetched.GetProperty("department").GetString());
        Assert.Equal("IND-002", fetched.GetProperty("indicatorCodes")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_origin_is_refused_naming_it_and_nothing_is_stored()
    {
        var official = await app.OfficialAsync();
        var concern = await app.RaiseAsync();
        var before = await app.EventCountAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(CommitmentApi.Body(origins: [new { kind = "concern", id = concern }, new { kind = "consultation", id = Guid.CreateVersion7() }])).ToUrl("/api/cities/york/commitments");
            x.As(official);
            x.StatusCodeShouldBe(404);
        });
        var problem = Json.Parse(await result.ReadAsTextAsync());
        Assert.True(problem.GetProperty("errors").TryGetProperty("origins[1]", out _), problem.ToString());
        Assert.Equal(before, await app.EventCountAsync());

        // A concern of another city is unknown here too.
        var utrechtConcern = await app.RaiseAsync("utrecht");
        await app.Host.Scenario(x =>
        {
            x.Post.Json(CommitmentApi.Body(origins: [new { kind = "concern", id = utrechtConcern }])).ToUrl("/api/cities/york/commitments");
            x.As(official);
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Sub_commitments_roll_their_progress_up_into_the_parent_by_weight()
    {
        var official = await app.OfficialAsync();
        var parent = await app.PublishCommitmentAsync(official);
        var heavy = await app.PublishCommitmentAsync(official, CommitmentApi.Body(parentId: parent, weight: 3));
        var light = await app.PublishCommitmentAsync(official, CommitmentApi.Body(parentId: parent, weight: 1));

        await app.ActAsync(heavy, "progress", new { percent = 20, note = "Design done" }, official);
        var afterLight = await app.ActAsync(light, "progress", new { percent = 100, note = "Shelters up", evidenceUrl = "https://york.gov.uk/shelters" }, official);
        Assert.Equal(100, afterLight.GetProperty("progress").GetInt32());

        var view = await app.GetCommitmentAsync(parent);
        Assert.Equal(40, view.GetProperty("progress").GetInt32()); // (20×3 + 100×1) / 4
        Assert.True(view.GetProperty("rolledUp").GetBoolean());
        Assert.Equal(2, view.GetProperty("subCommitments").GetArrayLength());
        Assert.True(view.GetProperty("version").GetInt64() >= afterLight.GetProperty("version").GetInt64());

        await app.ActAsync(heavy, "abandonment", new { reason = "Merged into the city-wide programme" }, official);
        Assert.Equal(100, (await app.GetCommitmentAsync(parent)).GetProperty("progress").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_by_status_right_sdg_target_department_and_origin_and_pages()
    {
        var official = await app.OfficialAsync();
        var department = $"Dept {Guid.NewGuid():N}";
        var concern = await app.RaiseAsync();
        var a = await app.PublishCommitmentAsync(official, CommitmentApi.Body(department: department, origins: [new { kind = "concern", id = concern }]));
        var b = await app.PublishCommitmentAsync(official, CommitmentApi.Body(department: department, rights: ["education"], sdgTargets: ["4.1"]));
        var c = await app.PublishCommitmentAsync(official, CommitmentApi.Body(department: department));
        await app.ActAsync(c, "fulfilment", new { evidenceUrl = "https://york.gov.uk/report" }, official);

        Guid[] Ids(System.Text.Json.JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();
        var dept = Uri.EscapeDataString(department.ToUpperInvariant());

        Assert.Equal([c, b, a], Ids(await app.ListCommitmentsAsync($"department={dept}")));
        Assert.Equal([c], Ids(await app.ListCommitmentsAsync($"department={dept}&status=fulfilled")));
        Assert.Equal([b, a], Ids(await app.ListCommitmentsAsync($"department={dept}&status=onTrack")));
        Assert.Equal([b], Ids(await app.ListCommitmentsAsync($"department={dept}&right=education")));
        Assert.Equal([b], Ids(await app.ListCommitmentsAsync($"department={dept}&sdgTarget=4.1")));
        Assert.Equal([a], Ids(await app.ListCommitmentsAsync($"origin=concern:{concern}")));
        Assert.Equal([a], Ids(await app.ListCommitmentsAsync($"origin={concern}")));
        var page2 = await app.ListCommitmentsAsync($"department={dept}&page=2&pageSize=2");
        Assert.Equal([a], Ids(page2));
        Assert.Equal(3, page2.GetProperty("total").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page2.GetProperty("items")[0].GetProperty("timeline").ValueKind);

        foreach (var bad in new[] { "status=late", "right=flying", "sdgTarget=99.9", "origin=petition:" + concern, "origin=abc", "pageSize=101", "page=0" })
            await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/commitments?{bad}"); x.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task An_unknown_commitment_is_a_404()
    {
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/commitments/{Guid.CreateVersion7()}"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/commitments/not-a-guid"); x.StatusCodeShouldBe(404); });
    }
}
