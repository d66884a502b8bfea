namespace Platform.Domain.Organisations;

/// <summary>
/// The rules of shadow reports: a verified organisation's commentary on the city's annual report of a year. Only the
/// publishing organisation's members may correct it (a new version; the earlier ones stay), and only moderators may
/// hide it, with a public reason. No rule lets the council change or hide it.
/// </summary>
public static class ShadowReportDecider
{
    private static readonly DomainError NotFound = DomainError.NotFound("shadow-report");

    /// <summary>Publish: a new stream, the first version, by a member of the verified organisation.</summary>
    public static Decision Decide(PublishShadowReport command, Organisation? organisation, ShadowReport? report, DateTimeOffset now)
    {
        if (report is not null) return Decision.Refuse(DomainError.Conflict("shadow-report-exists", "A shadow report of that id is published already."));
        if (organisation is null) return Decision.Refuse(DomainError.NotFound("organisation"));
        if (!organisation.ActsFor(command.AccountId)) return Decision.Refuse(OrganisationDecider.NotActing);
        var errors = new List<DomainError>();
        var context = command.Context;
        if (command.Year is not { } year || year < context.FirstYear || year > context.CurrentYear)
            errors.Add(DomainError.Invalid("year", $"A shadow report comments on a year's report, from {context.FirstYear} to {context.CurrentYear}."));
        var text = Checked(command.Draft, context, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new ShadowReportPublished(command.ReportId, organisation.Id, organisation.Name, command.Year!.Value, text!, now));
    }

    /// <summary>Correct: a new version by a member of the publishing organisation while it is verified, saying what changed.</summary>
    public static Decision Decide(CorrectShadowReport command, Organisation? organisation, ShadowReport? report, DateTimeOffset now)
    {
        if (report is null) return Decision.Refuse(NotFound);
        if (organisation is null || organisation.Id != report.OrganisationId || !organisation.ActsFor(command.AccountId))
            return Decision.Refuse(OrganisationDecider.NotActing);
        var errors = new List<DomainError>();
        Check.MaxLength(command.Note, "note", OrganisationRules.CorrectionNoteMaxLength, errors);
        var text = Checked(command.Draft, command.Context, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        var note = Check.Optional(command.Note);
        // The same correction again (a retry, a double click): the current version says it already.
        if (report.Version > 1 && report.Text is { } current && Same(current, text!) && report.Note == note) return Decision.NoChange;
        return Decision.Accept(new ShadowReportCorrected(report.Id, report.Version + 1, text!, note, now));
    }

    private static bool Same(ShadowReportText a, ShadowReportText b) =>
        a with { IndicatorCodes = [], CommitmentIds = [] } == b with { IndicatorCodes = [], CommitmentIds = [] }
        && a.IndicatorCodes.SequenceEqual(b.IndicatorCodes) && a.CommitmentIds.SequenceEqual(b.CommitmentIds);

    public static Decision Decide(HideShadowReport command, ShadowReport? report, DateTimeOffset now)
    {
        if (report is null) return Decision.Refuse(NotFound);
        if (Check.RequiredError(command.Reason, "reason", OrganisationRules.ReasonMaxLength) is { } invalid) return Decision.Refuse(invalid);
        if (report.Hidden) return Decision.NoChange;
        return Decision.Accept(new ShadowReportHidden(report.Id, command.ModeratorId, command.Reason!.Trim(), now));
    }

    public static Decision Decide(RestoreShadowReport command, ShadowReport? report, DateTimeOffset now)
    {
        if (report is null) return Decision.Refuse(NotFound);
        if (Check.RequiredError(command.Reason, "reason", OrganisationRules.ReasonMaxLength) is { } invalid) return Decision.Refuse(invalid);
        if (!report.Hidden) return Decision.NoChange;
        return Decision.Accept(new ShadowReportRestored(report.Id, command.ModeratorId, command.Reason!.Trim(), now));
    }

    /// <summary>
    /// The checks of a version's text: a title, at least one section, each within its limit, and links only to the
    /// city's own indicators and commitments (an unknown one is named by its place: <c>indicatorCodes[1]</c>).
    /// </summary>
    private static ShadowReportText? Checked(ShadowReportDraft draft, ShadowReportContext context, List<DomainError> errors)
    {
        var before = errors.Count;
        Check.Required(draft.Title, "title", OrganisationRules.ShadowTitleMaxLength, errors);
        Check.MaxLength(draft.Indicators, "indicators", OrganisationRules.ShadowSectionMaxLength, errors);
        Check.MaxLength(draft.Commitments, "commitments", OrganisationRules.ShadowSectionMaxLength, errors);
        Check.MaxLength(draft.Assessment, "assessment", OrganisationRules.ShadowSectionMaxLength, errors);
        if (string.IsNullOrWhiteSpace(draft.Indicators) && string.IsNullOrWhiteSpace(draft.Commitments) && string.IsNullOrWhiteSpace(draft.Assessment))
            errors.Add(DomainError.Invalid("indicators", "Write at least one section: on the indicators, on the commitments or on the self-assessment."));
        Check.Codes(draft.IndicatorCodes, "indicatorCodes", OrganisationRules.ShadowMaxLinks, context.IndicatorCodes.Contains,
            "is not an indicator of this city", errors);
        if (draft.CommitmentIds is { Count: > OrganisationRules.ShadowMaxLinks })
            errors.Add(DomainError.Invalid("commitmentIds", $"Name at most {OrganisationRules.ShadowMaxLinks}."));
        else
            for (var i = 0; i < (draft.CommitmentIds?.Count ?? 0); i++)
                if (!context.CommitmentIds.Contains(draft.CommitmentIds![i]))
                    errors.Add(DomainError.Invalid($"commitmentIds[{i}]", $"'{draft.CommitmentIds[i]}' is not a commitment of this city."));
        if (errors.Count > before) return null;
        return new ShadowReportText(draft.Title!.Trim(), draft.Indicators?.Trim() ?? "", draft.Commitments?.Trim() ?? "", draft.Assessment?.Trim() ?? "",
            (draft.IndicatorCodes ?? []).Distinct(StringComparer.Ordinal).ToArray(), (draft.CommitmentIds ?? []).Distinct().ToArray());
    }
}
