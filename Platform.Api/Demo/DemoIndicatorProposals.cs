using Platform.Domain.Consultations;
using Platform.Domain.IndicatorProposals;
using Platform.Domain.Monitoring;

namespace Platform.Api.Demo;

/// <summary>
/// Demo co-created indicators in York, made through the same deciders as real ones at times in the past: a resident's
/// proposal put to a consultation (drafted, opened, closed, its outcome published) and adopted as York's own indicator,
/// which names the proposal and the consultation as its origin; and a proposal of a local variant of a catalogue
/// indicator, still open, with supports of demo residents (under their pseudonyms, as every support is stored).
/// </summary>
public static class DemoIndicatorProposals
{
    public const string City = "york", AdoptedCode = "YORK-HOUSING-WAIT";

    /// <summary>Seeds <paramref name="city"/> (York in the demo network; the demo test gives a city of its own), whose official is <c>official@{city}.demo</c>.</summary>
    public static async Task SeedAsync(IDocumentStore store, Pseudonyms pseudonyms, IReadOnlyList<Guid> residents, string city, DateTimeOffset now,
        CancellationToken cancellation)
    {
        Guid official;
        await using (var query = store.QuerySession())
            official = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{city}.demo", cancellation)).Id;
        await using var session = store.LightweightSession(city);

        // The consultation residents discussed the proposal in.
        var consultationId = Guid.CreateVersion7();
        var consultation = Start<Consultation>(session, consultationId, ConsultationDecider.Decide(new DraftConsultation(consultationId, official,
            "Which housing figures should York follow?", "Residents and organisations proposed indicators on housing; tell the council which matter to you."),
            null, now.AddDays(-62)));
        var opensAt = now.AddDays(-60);
        consultation = Continue(session, consultationId, consultation, ConsultationDecider.Decide(new OpenConsultation(consultationId, official, opensAt, opensAt.AddDays(28),
            [new QuestionInput("wait", "Should the council follow how long households wait for social housing?", QuestionKind.SingleChoice, ["Yes", "No"])]),
            consultation, opensAt));
        consultation = Continue(session, consultationId, consultation, ConsultationDecider.Decide(new CloseConsultation(consultationId), consultation, opensAt.AddDays(28)));
        Continue(session, consultationId, consultation, ConsultationDecider.Decide(new PublishConsultationOutcome(consultationId, official,
            "Most answers asked the council to follow waiting times for social housing; it adopts the residents' proposal.", []), consultation, opensAt.AddDays(30)));

        // Proposed by a resident, supported, put to the consultation, then adopted as York's own indicator.
        var adoptedId = Guid.CreateVersion7();
        var adopted = Start<IndicatorProposal>(session, adoptedId, IndicatorProposalDecider.Decide(new ProposeIndicator(adoptedId, residents[0], ProposedBy.Resident,
            new IndicatorProposalInput("Households on the social housing list waiting more than a year", "housing", "outcome", "% of households on the list",
                "The council's housing register", "The register shows the list growing, but nobody follows how long families wait; a year is when children change school twice.",
                null)), null, now.AddDays(-80)));
        Support(session, pseudonyms, residents.Take(14), adopted, now.AddDays(-79));
        adopted = Continue(session, adoptedId, adopted, IndicatorProposalDecider.Decide(new PutIndicatorProposalToConsultation(adoptedId, official, consultationId)
            { ConsultationKnown = true }, adopted, opensAt));
        var seriesId = SeriesStream.Id(city, AdoptedCode);
        var adoption = new AdoptIndicator(seriesId, official, AdoptedCode, new BaselineInput("2025", 23.5), 15, 2030, "Housing Services", consultationId,
            new LocalIndicatorInput("Households on the social housing list waiting more than a year", "housing", "outcome", "% of households on the list",
                "percentage", null, "decrease", "administrative", ["district"]))
            { Proposal = new IndicatorOrigin(adoptedId, ProposedBy.Resident) };
        var adoptedAt = opensAt.AddDays(32);
        Continue(session, adoptedId, adopted, IndicatorProposalDecider.Decide(new AdoptIndicatorProposal(adoptedId, official, adoption), adopted, adoptedAt));
        Start<IndicatorSeries>(session, seriesId, IndicatorSeriesDecider.Decide(adoption, null, adoptedAt));

        // A local variant of a catalogue indicator, still collecting supports.
        var openId = Guid.CreateVersion7();
        var open = Start<IndicatorProposal>(session, openId, IndicatorProposalDecider.Decide(new ProposeIndicator(openId, residents[1], ProposedBy.Resident,
            new IndicatorProposalInput("Turnout in local elections by ward, with first-time voters aged 18 to 24 counted apart", "participation", "outcome",
                "% of registered voters", "Electoral register and the count of each ward", "Turnout in Tang Hall is half of Clifton's, and young people vote least; the city-wide figure hides both.",
                "IND-068")), null, now.AddDays(-12)));
        Support(session, pseudonyms, residents.Skip(14).Take(9), open, now.AddDays(-11));

        await session.SaveChangesAsync(cancellation);
    }

    private static void Support(IDocumentSession session, Pseudonyms pseudonyms, IEnumerable<Guid> residents, IndicatorProposal proposal, DateTimeOffset at)
    {
        foreach (var (resident, i) in residents.Select(pseudonyms.Of).Select((r, i) => (r, i)))
            session.Events.StartStream<IndicatorProposalSupport>(PersonalStream.Id(proposal.Id, resident), Accepted(IndicatorProposalDecider.Decide(
                new SupportIndicatorProposal(proposal.Id, resident), new(proposal, null), at.AddHours(i))));
    }

    private static T Start<T>(IDocumentSession session, Guid id, Decision decision) where T : class
    {
        var events = Accepted(decision);
        session.Events.StartStream<T>(id, events);
        return Evolution<T>.Fold(events)!;
    }

    private static T Continue<T>(IDocumentSession session, Guid id, T state, Decision decision) where T : class
    {
        var events = Accepted(decision);
        session.Events.Append(id, events);
        return events.Aggregate(state, (s, e) => Evolution<T>.Then(s, e)!);
    }

    private static object[] Accepted(Decision decision) =>
        decision.IsRefused ? throw new InvalidOperationException($"Demo indicator proposal refused: {decision.Errors[0].Message}") : [.. decision.Events];
}
