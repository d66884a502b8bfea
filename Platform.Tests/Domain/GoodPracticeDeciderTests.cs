using Platform.Domain.GoodPractices;
using static Platform.Tests.Domain.Scenario;

namespace Platform.Tests.Domain;

/// <summary>Given events / when a command / then events or errors, on the good-practice library's rules, with no database.</summary>
public class GoodPracticeDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid OurCommitment = Guid.NewGuid();
    private static readonly CityLinks Ours = new(new HashSet<string> { "IND-002" }, new HashSet<Guid> { OurCommitment });

    private static PracticeInput Input(string title = "Night buses for shift workers", IReadOnlyList<string?>? indicators = null, IReadOnlyList<Guid?>? commitments = null,
        IReadOnlyList<string?>? rights = null) => new(
        title, "Three night lines since March.", "Surveyed shift workers, then ran three lines.", "Ridership doubled in six months.",
        rights ?? ["mobility"], indicators ?? ["IND-002"], commitments ?? [OurCommitment], "transport@york.example");

    private static readonly PracticeContent Content = new(
        "Night buses for shift workers", "Three night lines since March.", "Surveyed shift workers, then ran three lines.", "Ridership doubled in six months.",
        ["mobility"], ["IND-002"], [OurCommitment], "transport@york.example");

    private static PracticePublished Published() => new(Id, "york", Content, Official, Now.AddDays(-10));

    private static AdoptPractice Adopt(string city, GoodPractice? practice, string? note = "Two lines from May.") =>
        new(Id, city, Official, note) { Practice = practice };

    private static GoodPractice Practice(params object[] later) => Evolution<GoodPractice>.Fold([Published(), .. later])!;

    [Fact]
    public void Publishing_keeps_the_content_trimmed_and_the_links_once()
    {
        var content = Given<GoodPractice>()
            .When(s => GoodPracticeDecider.Decide(new PublishPractice(Id, "york", Official,
                Input("  Night buses for shift workers ", commitments: [OurCommitment, OurCommitment])) { Links = Ours }, s, Now))
            .Single<PracticePublished>().Content;
        Assert.Equal("Night buses for shift workers", content.Title);
        Assert.Equal([OurCommitment], content.CommitmentIds);
        Assert.Equal(["IND-002"], content.IndicatorCodes);
        Assert.Equal(["mobility"], content.Rights);
        Assert.Equal("transport@york.example", content.Contact);
    }

    [Fact]
    public void An_indicator_the_city_has_not_adopted_is_refused_naming_it() =>
        Given<GoodPractice>()
            .When(s => GoodPracticeDecider.Decide(new PublishPractice(Id, "york", Official, Input(indicators: ["IND-002", "IND-014"])) { Links = Ours }, s, Now))
            .Refused("indicator-not-adopted", "indicatorCodes[1]");

    [Fact]
    public void A_commitment_that_is_not_the_citys_is_refused_naming_it() =>
        Given<GoodPractice>()
            .When(s => GoodPracticeDecider.Decide(new PublishPractice(Id, "york", Official, Input(commitments: [Guid.NewGuid()])) { Links = Ours }, s, Now))
            .Refused("commitment-not-in-city", "commitmentIds[0]");

    [Theory]
    [InlineData("title")]
    [InlineData("summary")]
    [InlineData("whatWasDone")]
    [InlineData("results")]
    public void Each_text_is_required(string field)
    {
        var input = Input() with
        {
            Title = field == "title" ? " " : "T", Summary = field == "summary" ? null : "S",
            WhatWasDone = field == "whatWasDone" ? "" : "W", Results = field == "results" ? null : "R",
        };
        Given<GoodPractice>().When(s => GoodPracticeDecider.Decide(new PublishPractice(Id, "york", Official, input) { Links = Ours }, s, Now))
            .RefusedNaming(field);
    }

    [Fact]
    public void A_practice_needs_a_right_of_the_catalogue()
    {
        Given<GoodPractice>().When(s => GoodPracticeDecider.Decide(new PublishPractice(Id, "york", Official, Input(rights: [])) { Links = Ours }, s, Now))
            .Refused("invalid-rights", "rights");
        Given<GoodPractice>().When(s => GoodPracticeDecider.Decide(new PublishPractice(Id, "york", Official, Input(rights: ["mobility", "flying"])) { Links = Ours }, s, Now))
            .Refused("invalid-rights[1]", "rights[1]");
    }

    [Fact]
    public void A_revision_adds_the_next_version_and_the_same_content_again_changes_nothing()
    {
        var revised = Given<GoodPractice>(Published())
            .When(s => GoodPracticeDecider.Decide(new RevisePractice(Id, Official, Input("Night buses for every shift")) { Links = Ours }, s, Now))
            .Single<PracticeRevised>();
        Assert.Equal((2, "Night buses for every shift"), (revised.Version, revised.Content.Title));
        Given<GoodPractice>(Published()).When(s => GoodPracticeDecider.Decide(new RevisePractice(Id, Official, Input()) { Links = Ours }, s, Now)).Nothing();
        Assert.Equal(3, Given<GoodPractice>(Published(), revised)
            .When(s => GoodPracticeDecider.Decide(new RevisePractice(Id, Official, Input("Again")) { Links = Ours }, s, Now))
            .Single<PracticeRevised>().Version);
    }

    [Fact]
    public void A_withdrawn_practice_is_not_revised_nor_adopted_and_withdrawing_again_changes_nothing()
    {
        var withdrawn = new PracticeWithdrawn(Id, "Replaced by a city-wide scheme.", Official, Now);
        Given<GoodPractice>(Published()).When(s => GoodPracticeDecider.Decide(new WithdrawPractice(Id, Official, " Replaced by a city-wide scheme. "), s, Now))
            .Events(withdrawn);
        Given<GoodPractice>(Published(), withdrawn).When(s => GoodPracticeDecider.Decide(new WithdrawPractice(Id, Official, null), s, Now)).Nothing();
        Given<GoodPractice>(Published(), withdrawn)
            .When(s => GoodPracticeDecider.Decide(new RevisePractice(Id, Official, Input("Again")) { Links = Ours }, s, Now)).Refused("practice-withdrawn");
        Given<PracticeAdoptionState>().When(s => GoodPracticeDecider.Decide(Adopt("utrecht", Practice(withdrawn)), s, Now)).Refused("practice-withdrawn");
    }

    [Fact]
    public void Another_city_adopts_once_on_its_own_stream_and_may_take_it_back()
    {
        var adopted = Given<PracticeAdoptionState>().When(s => GoodPracticeDecider.Decide(Adopt("utrecht", Practice()), s, Now)).Single<PracticeAdopted>();
        Assert.Equal((AdoptionStream.Id(Id, "utrecht"), "utrecht", "Two lines from May."), (adopted.AdoptionId, adopted.City, adopted.Note));
        Given<PracticeAdoptionState>(adopted).When(s => GoodPracticeDecider.Decide(Adopt("utrecht", Practice()), s, Now)).Nothing();

        var undone = new PracticeAdoptionUndone(adopted.AdoptionId, Id, "utrecht", Official, Now);
        Given<PracticeAdoptionState>(adopted).When(s => GoodPracticeDecider.Decide(new UndoPracticeAdoption(Id, "utrecht", Official), s, Now)).Events(undone);
        Given<PracticeAdoptionState>(adopted, undone).When(s => GoodPracticeDecider.Decide(new UndoPracticeAdoption(Id, "utrecht", Official), s, Now)).Nothing();
        Given<PracticeAdoptionState>().When(s => GoodPracticeDecider.Decide(new UndoPracticeAdoption(Id, "utrecht", Official), s, Now)).Nothing();
        // Adopting again after taking it back counts again.
        Given<PracticeAdoptionState>(adopted, undone).When(s => GoodPracticeDecider.Decide(Adopt("utrecht", Practice()), s, Now)).Single<PracticeReadopted>();
        Given<PracticeAdoptionState>(adopted, undone, new PracticeReadopted(adopted.AdoptionId, Id, "utrecht", null, Official, Now))
            .When(s => GoodPracticeDecider.Decide(Adopt("utrecht", Practice()), s, Now)).Nothing();
    }

    [Fact]
    public void A_city_does_not_adopt_its_own_practice_nor_one_that_does_not_exist()
    {
        Given<PracticeAdoptionState>().When(s => GoodPracticeDecider.Decide(Adopt("york", Practice()), s, Now)).Refused("own-practice");
        Given<PracticeAdoptionState>().When(s => GoodPracticeDecider.Decide(Adopt("utrecht", null), s, Now)).Refused("practice-not-found");
        Given<PracticeAdoptionState>().When(s => GoodPracticeDecider.Decide(Adopt("utrecht", Practice(), new string('n', GoodPracticeRules.NoteMaxLength + 1)), s, Now))
            .Refused("invalid-note", "note");
    }
}
