using Platform.Domain.Concerns;
using Platform.Domain.IndicatorProposals;
using Platform.Domain.Monitoring;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on proposed indicators, the refusals of computed series, and the complaint figures: no database.</summary>
public class IndicatorProposalDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ProposalId = Guid.CreateVersion7();
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Resident = Guid.NewGuid();

    private static ProposeIndicator Valid => new(ProposalId, Author, ProposedBy.Organisation,
        new IndicatorProposalInput("  Households waiting a year for social housing ", "housing", "Outcome", "% of households", "Housing register", "Nobody counts it.", " IND-005 "));

    private static readonly IndicatorProposed Proposed = new(ProposalId, "n", "housing", IndicatorType.Outcome, "%", "register", "why", null, Author, ProposedBy.Resident, Now);

    private static Given<IndicatorProposal> After(params object[] events) => Scenario.Given<IndicatorProposal>([Proposed, .. events]);

    private static IndicatorProposal State(params object[] events) => Evolution<IndicatorProposal>.Fold([Proposed, .. events])!;

    private static readonly IndicatorProposalDeclined Declined = new(ProposalId, "No data.", Official, Now);
    private static readonly IndicatorProposalAdopted Adopted = new(ProposalId, "YORK-WAIT", Official, Now);

    private static AdoptIndicatorProposal Adopt(string? code) =>
        new(ProposalId, Official, new AdoptIndicator(Guid.NewGuid(), Official, code, null, null, null, null, null, null));

    [Fact]
    public void A_valid_proposal_is_recorded_trimmed_with_who_proposed_it()
    {
        var proposed = Scenario.Given<IndicatorProposal>().When(s => IndicatorProposalDecider.Decide(Valid, s, Now)).Single<IndicatorProposed>();

        Assert.Equal(new IndicatorProposed(ProposalId, "Households waiting a year for social housing", "housing", IndicatorType.Outcome, "% of households",
            "Housing register", "Nobody counts it.", "IND-005", Author, ProposedBy.Organisation, Now), proposed);
    }

    public static TheoryData<ProposeIndicator, string> Invalid => new()
    {
        { Valid with { Input = Valid.Input with { Name = " " } }, "name" },
        { Valid with { Input = Valid.Input with { Name = new string('n', IndicatorProposalRules.NameMaxLength + 1) } }, "name" },
        { Valid with { Input = Valid.Input with { Right = null } }, "right" },
        { Valid with { Input = Valid.Input with { Right = "flying" } }, "right" },
        { Valid with { Input = Valid.Input with { Type = "impact" } }, "type" },
        { Valid with { Input = Valid.Input with { Type = "1" } }, "type" },
        { Valid with { Input = Valid.Input with { Unit = "" } }, "unit" },
        { Valid with { Input = Valid.Input with { Source = null } }, "source" },
        { Valid with { Input = Valid.Input with { Why = new string('w', IndicatorProposalRules.WhyMaxLength + 1) } }, "why" },
        { Valid with { VariantKnown = false }, "variantOf" },
    };

    [Theory, MemberData(nameof(Invalid))]
    public void A_proposal_missing_or_breaking_a_field_is_refused_naming_it(ProposeIndicator command, string field) =>
        Scenario.Given<IndicatorProposal>().When(s => IndicatorProposalDecider.Decide(command, s, Now)).Refused("invalid-" + field, field);

    [Fact]
    public void A_proposal_is_made_once() =>
        After().When(s => IndicatorProposalDecider.Decide(Valid, s, Now)).Refused("indicator-proposal-exists");

    [Fact]
    public void A_resident_supports_once_and_a_repeat_changes_nothing()
    {
        var support = new SupportIndicatorProposal(ProposalId, Resident);
        var first = IndicatorProposalDecider.Decide(support, new(State(), null), Now);
        Assert.Equal([new IndicatorProposalSupported(ProposalId, Resident, Now)], first.Events);
        var mine = IndicatorProposalSupport.Create((IndicatorProposalSupported)first.Events[0]);
        Assert.Equal(PersonalStream.Id(ProposalId, Resident), mine.Id);
        Assert.Empty(IndicatorProposalDecider.Decide(support, new(State(), mine), Now).Events);
        Assert.False(IndicatorProposalDecider.Decide(support, new(State(), mine), Now).IsRefused);
        // Taken back, it can be given again in the same stream.
        var withdrawn = IndicatorProposalDecider.Decide(new WithdrawIndicatorProposalSupport(ProposalId, Resident), new(State(), mine), Now);
        mine = mine.Apply(Assert.IsType<IndicatorProposalSupportWithdrawn>(Assert.Single(withdrawn.Events)));
        Assert.Single(IndicatorProposalDecider.Decide(support, new(State(), mine), Now).Events);
        Assert.Empty(IndicatorProposalDecider.Decide(new WithdrawIndicatorProposalSupport(ProposalId, Resident), new(State(), mine), Now).Events);
    }

    [Fact]
    public void A_city_asking_for_verified_residency_refuses_an_unverified_support()
    {
        var decision = IndicatorProposalDecider.Decide(new SupportIndicatorProposal(ProposalId, Resident) { VerifiedResidencyRequired = true }, new(State(), null), Now);
        Assert.Equal("verified-residency-required", Assert.Single(decision.Errors).Code);
    }

    [Fact]
    public void A_decided_proposal_takes_no_more_supports_and_is_closed_to_participation()
    {
        var decision = IndicatorProposalDecider.Decide(new SupportIndicatorProposal(ProposalId, Resident), new(State(Declined), null), Now);
        Assert.Equal("indicator-proposal-not-supportable", Assert.Single(decision.Errors).Code);
        Assert.Null(State(Declined).OpenToParticipation);
        Assert.Equal(ProposalId, State().OpenToParticipation);
    }

    [Fact]
    public void Putting_to_a_consultation_needs_one_of_the_city_and_the_same_one_again_changes_nothing()
    {
        var consultation = Guid.NewGuid();
        After().When(s => IndicatorProposalDecider.Decide(new PutIndicatorProposalToConsultation(ProposalId, Official, consultation), s, Now))
            .Refused("invalid-consultationId", "consultationId");
        After().When(s => IndicatorProposalDecider.Decide(new PutIndicatorProposalToConsultation(ProposalId, Official, null) { ConsultationKnown = true }, s, Now))
            .Refused("invalid-consultationId", "consultationId");
        var put = new IndicatorProposalPutToConsultation(ProposalId, consultation, Official, Now);
        After().When(s => IndicatorProposalDecider.Decide(new PutIndicatorProposalToConsultation(ProposalId, Official, consultation) { ConsultationKnown = true }, s, Now))
            .Events(put);
        After(put).When(s => IndicatorProposalDecider.Decide(new PutIndicatorProposalToConsultation(ProposalId, Official, consultation) { ConsultationKnown = true }, s, Now))
            .Nothing();
        Assert.Equal(IndicatorProposalStatus.InConsultation, State(put).Status);
    }

    [Fact]
    public void Adopting_records_the_code_and_a_decided_proposal_cannot_be_adopted_or_declined_again()
    {
        After().When(s => IndicatorProposalDecider.Decide(Adopt(" YORK-WAIT "), s, Now)).Events(Adopted);
        After().When(s => IndicatorProposalDecider.Decide(Adopt(null), s, Now)).Refused("invalid-code", "code");
        After(Adopted).When(s => IndicatorProposalDecider.Decide(Adopt("YORK-WAIT"), s, Now)).Refused("indicator-proposal-adopted");
        After(Declined).When(s => IndicatorProposalDecider.Decide(new DeclineIndicatorProposal(ProposalId, Official, "Again."), s, Now)).Refused("indicator-proposal-declined");
        Scenario.Given<IndicatorProposal>().When(s => IndicatorProposalDecider.Decide(Adopt("X-1"), s, Now)).Refused("indicator-proposal-not-found");
    }

    [Fact]
    public void Declining_needs_a_reason()
    {
        After().When(s => IndicatorProposalDecider.Decide(new DeclineIndicatorProposal(ProposalId, Official, "  "), s, Now)).Refused("invalid-reason", "reason");
        After().When(s => IndicatorProposalDecider.Decide(new DeclineIndicatorProposal(ProposalId, Official, " No data yet. "), s, Now))
            .Events(new IndicatorProposalDeclined(ProposalId, "No data yet.", Official, Now));
    }

    [Fact]
    public void An_adoption_from_a_proposal_names_it_as_the_series_origin()
    {
        var origin = new IndicatorOrigin(ProposalId, ProposedBy.Organisation);
        var adopt = new AdoptIndicator(Guid.NewGuid(), Official, "YORK-WAIT", new BaselineInput("2025", 20), null, null, "Housing", null,
            new LocalIndicatorInput("Waiting", "housing", "outcome", "%", "percentage", null, "decrease", "administrative", null)) { Proposal = origin };
        var adopted = Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(adopt, s, Now)).Single<IndicatorAdopted>();
        Assert.Equal(origin, adopted.Proposal);
        Assert.Equal(origin, Evolution<IndicatorSeries>.Fold([adopted])!.Proposal);
    }

    [Theory]
    [InlineData(PlatformIndicators.Received)]
    [InlineData(PlatformIndicators.AnsweredInTime)]
    [InlineData(PlatformIndicators.Resolved)]
    public void A_computed_indicator_is_never_adopted_recorded_imported_or_retargeted_by_hand(string code)
    {
        var id = SeriesStream.Id("york", code);
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(new AdoptIndicator(id, Official, code, new BaselineInput("2025", 1), null, null, "X", null, null), s, Now))
            .Refused("computed-by-platform");
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(new RecordMeasurement(id, code, Official,
            new MeasurementInput("2025", 3, null, null, null, null, null, null, null)), s, Now)).Refused("computed-by-platform");
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(new ImportMeasurements(id, code, Official, [], [], [], null, null, null), s, Now))
            .Refused("computed-by-platform");
        Scenario.Given<IndicatorSeries>().When(s => IndicatorSeriesDecider.Decide(new ChangeTarget(id, Official, 5, 2030, "More.") { Code = code }, s, Now))
            .Refused("computed-by-platform");
    }

    [Fact]
    public void No_value_typed_in_may_claim_the_platform_as_its_source()
    {
        var definition = APercentageIndicator();
        var series = Evolution<IndicatorSeries>.Fold([new IndicatorAdopted(Guid.NewGuid(), definition.Code, definition, false, "2020", 1, null, null, "D", null, Official, Now)])!;
        var problems = new List<FieldProblem>();
        Assert.Null(MeasurementCheck.Validate(new MeasurementInput("2024", 50, null, "platform", null, null, null, null, null), definition, series, Now, problems));
        Assert.Equal("source", Assert.Single(problems).Field);
    }

    private static IndicatorDefinition APercentageIndicator() =>
        Platform.Domain.Reference.IndicatorReference.Indicators.Values.First(i => i.UnitKind == UnitKind.Percentage);
}

/// <summary>The complaint figures folded from concern events: each concern counted once per figure, by year, quarter, right and district.</summary>
public class ComplaintFiguresTests
{
    private static readonly Guid Official = Guid.NewGuid();

    private static ConcernRaised Raised(Guid id, DateTimeOffset at, string? district, params string[] rights) =>
        new(id, "t", "d", rights, [], district, Guid.NewGuid(), false, at);

    [Fact]
    public void Received_answered_in_time_and_resolved_are_counted_once_in_their_own_periods_by_right_and_district()
    {
        var figures = new ComplaintFigures();
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var jan = new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
        // a: housing in Clifton, acknowledged with 30 days, answered on day 20 (in time), resolved in April.
        figures.Apply(a, Raised(a, jan, "Clifton", "housing"));
        figures.Apply(a, new ConcernAcknowledged(a, Official, "Housing", jan.AddDays(30), jan.AddDays(1)));
        figures.Apply(a, new ConcernAnswered(a, Official, "Done", jan.AddDays(20)));
        figures.Apply(a, new ConcernResolved(a, Official, null, new DateTimeOffset(2025, 4, 2, 0, 0, 0, TimeSpan.Zero)));
        // b: housing and health in Acomb, acknowledged, answered on day 45 (late), then answered again after a contest (not counted again).
        figures.Apply(b, Raised(b, jan.AddDays(5), "Acomb", "housing", "health"));
        figures.Apply(b, new ConcernAcknowledged(b, Official, "Housing", jan.AddDays(35), jan.AddDays(5)));
        figures.Apply(b, new ConcernAnswered(b, Official, "Late", jan.AddDays(50)));
        figures.Apply(b, new ConcernAnswered(b, Official, "Again", jan.AddDays(52)));
        // c: without a district, declined before any acknowledgement (no deadline was running: in time), resolved twice (counted once).
        figures.Apply(c, Raised(c, jan.AddDays(2), null, "health"));
        figures.Apply(c, new ConcernDeclined(c, Official, "Not ours", jan.AddDays(3)));
        figures.Apply(c, new ConcernResolved(c, Official, null, jan.AddDays(4)));
        figures.Apply(c, new ConcernResolved(c, Official, null, jan.AddDays(90)));
        // d: raised in 2026, nothing else.
        figures.Apply(d, Raised(d, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), "Clifton", "housing"));

        Assert.Equal(3, figures.Of(PlatformIndicators.Received, "2025"));
        Assert.Equal(3, figures.Of(PlatformIndicators.Received, "2025-Q1"));
        Assert.Equal(2, figures.Of(PlatformIndicators.Received, "2025", "right", "housing"));
        Assert.Equal(2, figures.Of(PlatformIndicators.Received, "2025", "right", "health"));
        Assert.Equal(1, figures.Of(PlatformIndicators.Received, "2025", "district", "Acomb"));
        Assert.Equal(1, figures.Of(PlatformIndicators.Received, "2026"));
        Assert.Equal(2, figures.Of(PlatformIndicators.AnsweredInTime, "2025"));
        Assert.Equal(1, figures.Of(PlatformIndicators.AnsweredInTime, "2025", "right", "housing"));
        Assert.Equal(0, figures.Of(PlatformIndicators.AnsweredInTime, "2025", "district", "Acomb"));
        Assert.Equal(2, figures.Of(PlatformIndicators.Resolved, "2025"));
        Assert.Equal(1, figures.Of(PlatformIndicators.Resolved, "2025-Q1"));
        Assert.Equal(1, figures.Of(PlatformIndicators.Resolved, "2025-Q2", "district", "Clifton"));
        // a and c are done with; b may still be resolved, d answered and resolved.
        Assert.Equal(new[] { b, d }.Order(), figures.Pending.Keys.Order());

        var series = figures.Series("york").ToDictionary(s => s.Code);
        Assert.Equal(3, series.Count);
        var received = series[PlatformIndicators.Received];
        Assert.Equal(SeriesStream.Id("york", PlatformIndicators.Received), received.Id);
        Assert.Equal(("2025", 3.0), (received.BaselinePeriod, received.BaselineValue));
        Assert.Equal(3, received.Find("2025", new Dictionary<string, string>(), SourceKind.Platform)!.Measurement.Value);
        Assert.Equal(2, received.Find("2025", new Dictionary<string, string> { ["right"] = "health" }, SourceKind.Platform)!.Measurement.Value);
        // Every period with activity has a headline for every figure, 0 when nothing counted.
        Assert.Equal(0, series[PlatformIndicators.Resolved].Find("2026", new Dictionary<string, string>(), SourceKind.Platform)!.Measurement.Value);
        Assert.All(series.Values.SelectMany(s => s.Points.Values), p =>
        {
            Assert.Equal(SourceKind.Platform, p.Measurement.Source);
            Assert.Equal(PlatformIndicators.MethodNote, p.Measurement.MethodNote);
        });
    }

    [Fact]
    public void A_city_without_concerns_has_no_computed_series() => Assert.Empty(new ComplaintFigures().Series("york"));
}
