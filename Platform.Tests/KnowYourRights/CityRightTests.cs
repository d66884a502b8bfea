
namespace Platform.Tests.KnowYourRights;

/// <summary>A right's page in a city: its articles, and exactly that city's concerns, commitments and indicators about it.</summary>
[Collection(IntegrationCollection.Name)]
public class CityRightTests(AppFixture app)
{
    private static object Concern(string title, params string[] rights) => new
    {
        title, description = "The fountains in the park have been dry since May.", rights, sdgTargets = Array.Empty<string>(), district = "Clifton",
    };

    [Fact]
    public async Task A_rights_page_lists_exactly_the_citys_items_about_that_right_and_no_other_citys()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (other, otherOfficial) = await app.PracticeCityAsync();
        var ours = $"Dry fountains in Clifton park {Guid.NewGuid():N}";
        var theirs = $"Dry fountains elsewhere {Guid.NewGuid():N}";
        var otherRight = $"Overcrowded flats {Guid.NewGuid():N}";
        var concern = await app.RaiseAsync(city, Concern(ours, "food-water", "health"));
        await app.RaiseAsync(city, Concern(otherRight, "housing"));
        await app.RaiseAsync(other, Concern(theirs, "food-water"));
        var commitment = await app.PublishCommitmentAsync(official, CommitmentApi.Body(rights: ["food-water"]), city);
        await app.PublishCommitmentAsync(otherOfficial, CommitmentApi.Body(rights: ["food-water"]), other);
        await app.AdoptAsync(city, official, "IND-078", "2020", 80, 95, 2030);
        var practice = await app.PracticeAsync(city, official, PracticeApi.Body(rights: ["food-water"]));

        var right = await app.GetJsonAsync($"/api/cities/{city}/rights/food-water");
        Assert.Equal("food-water", right.GetProperty("code").GetString());
        Assert.Equal(1, right.GetProperty("concernCount").GetInt64());
        Assert.Equal([concern], right.GetProperty("concerns").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(1, right.GetProperty("commitmentCount").GetInt64());
        Assert.Equal([commitment], right.GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(["IND-078"], right.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Equal([practice], right.GetProperty("practices").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(["25"], right.GetProperty("udhr").EnumerateArray().Select(a => a.GetProperty("number").GetString()));
        Assert.Equal(["35", "37"], right.GetProperty("euCharter").EnumerateArray().Select(a => a.GetProperty("number").GetString()));
        Assert.Equal($"/cities/{city}/concerns/new?right=food-water", right.GetProperty("raiseConcern").GetString());

        var page = await app.GetTextAsync($"/cities/{city}/rights/food-water");
        Assert.Contains(ours, page);
        Assert.DoesNotContain(theirs, page);
        Assert.DoesNotContain(otherRight, page);
        Assert.Contains($"/cities/{city}/commitments/{commitment}", page);
        Assert.Contains($"/cities/{city}/indicators/IND-078", page);
        Assert.Contains("Everyone has the right to enough healthy food", page);

        // The other city's page of the same right shows its own concern, not ours.
        var theirPage = await app.GetTextAsync($"/cities/{other}/rights/food-water");
        Assert.Contains(theirs, theirPage);
        Assert.DoesNotContain(ours, theirPage);
    }

    [Fact]
    public async Task The_index_lists_every_right_in_the_page_language_and_an_unknown_right_is_not_found()
    {
        var index = await app.GetTextAsync("/cities/york/rights");
        foreach (var right in Platform.Domain.Reference.ReferenceCatalogue.Default.Rights.Keys)
            Assert.Contains($"/cities/york/rights/{right}", index);
        var french = await app.Host.Scenario(x =>
        {
            x.Get.Url("/cities/york/rights/housing");
            x.WithRequestHeader("Accept-Language", "fr");
            x.StatusCodeShouldBeOk();
        });
        Assert.Contains("Chacun a droit à un logement sûr", System.Net.WebUtility.HtmlDecode(await french.ReadAsTextAsync()));

        await app.GetTextAsync("/cities/york/rights/teleportation", status: 404);
        var problem = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/cities/york/rights/teleportation");
            x.StatusCodeShouldBe(404);
        });
        await ProblemAssert.NamesAsync(problem, 404, "right-not-found");
        await app.GetTextAsync("/cities/nowhere-at-all/rights/housing", status: 404);
    }

    [Fact]
    public async Task The_raise_form_comes_with_the_right_of_the_page_ticked()
    {
        var resident = await app.ResidentAsync();
        var form = await app.GetTextAsync("/cities/york/concerns/new?right=food-water", resident);
        Assert.Matches("<input id=\"[^\"]+\" name=\"rights\" type=\"checkbox\" value=\"food-water\" checked=\"checked\"", form);
        Assert.DoesNotMatch("value=\"housing\" checked", form);
        // A code the catalogue lacks ticks nothing.
        Assert.DoesNotContain("checked=\"checked\"", await app.GetTextAsync("/cities/york/concerns/new?right=flying", resident));
    }
}
