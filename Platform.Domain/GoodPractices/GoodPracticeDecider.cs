using Platform.Domain.Reference;

namespace Platform.Domain.GoodPractices;

/// <summary>
/// The rules of the network's good-practice library, as pure functions of command, state and time. A city's officials
/// publish a practice, revise it (every version kept) and withdraw it; officials of the other cities say their city
/// adopted it (once per city, and may take it back).
/// </summary>
public static class GoodPracticeDecider
{
    public static Decision Decide(PublishPractice command, GoodPractice? practice, DateTimeOffset now)
    {
        if (practice is not null)
            return Decision.Refuse(DomainError.Conflict("practice-exists", "A practice with this id exists already."));
        return Content(command.Input, command.Links, out var content) is { Count: > 0 } errors
            ? Decision.Refuse(errors)
            : Decision.Accept(new PracticePublished(command.PracticeId, command.City, content!, command.OfficialId, now));
    }

    /// <summary>A revision equal to the current version changes nothing.</summary>
    public static Decision Decide(RevisePractice command, GoodPractice? practice, DateTimeOffset now)
    {
        if (practice is null) return Decision.Refuse(DomainError.NotFound("practice"));
        if (practice.Withdrawn) return Decision.Refuse(Withdrawn("be revised"));
        if (Content(command.Input, command.Links, out var content) is { Count: > 0 } errors) return Decision.Refuse(errors);
        if (Same(content!, practice.Content)) return Decision.NoChange;
        if (practice.Version >= GoodPracticeRules.MaxVersions)
            return Decision.Refuse(DomainError.Rule("too-many-versions", $"A practice keeps at most {GoodPracticeRules.MaxVersions} versions."));
        return Decision.Accept(new PracticeRevised(practice.Id, practice.Version + 1, content!, command.OfficialId, now));
    }

    /// <summary>Withdrawing a withdrawn practice changes nothing.</summary>
    public static Decision Decide(WithdrawPractice command, GoodPractice? practice, DateTimeOffset now)
    {
        if (practice is null) return Decision.Refuse(DomainError.NotFound("practice"));
        var errors = new List<DomainError>();
        Check.MaxLength(command.Reason, "reason", GoodPracticeRules.NoteMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (practice.Withdrawn) return Decision.NoChange;
        return Decision.Accept(new PracticeWithdrawn(practice.Id, Check.Optional(command.Reason), command.OfficialId, now));
    }

    /// <summary>
    /// A city adopts another city's practice (<see cref="AdoptPractice.Practice"/>, looked up by the handler), once: saying
    /// so again changes nothing; after taking it back, it may adopt it again. The publishing city cannot adopt its own, and a
    /// withdrawn practice takes no new adoptions.
    /// </summary>
    public static Decision Decide(AdoptPractice command, PracticeAdoptionState? adoption, DateTimeOffset now)
    {
        if (command.Practice is not { } practice) return Decision.Refuse(DomainError.NotFound("practice"));
        var errors = new List<DomainError>();
        Check.MaxLength(command.Note, "note", GoodPracticeRules.NoteMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (practice.City == command.City)
            return Decision.Refuse(DomainError.Rule("own-practice", "A city does not adopt its own practice: officials of the other cities say they adopted it.", "city"));
        if (adoption is { Adopted: true }) return Decision.NoChange;
        if (practice.Withdrawn) return Decision.Refuse(Withdrawn("be adopted"));
        var id = AdoptionStream.Id(practice.Id, command.City);
        var note = Check.Optional(command.Note);
        return adoption is null
            ? Decision.Accept(new PracticeAdopted(id, practice.Id, command.City, note, command.OfficialId, now))
            : Decision.Accept(new PracticeReadopted(id, practice.Id, command.City, note, command.OfficialId, now));
    }

    /// <summary>Undoing an adoption the city never made (or undid already) changes nothing.</summary>
    public static Decision Decide(UndoPracticeAdoption command, PracticeAdoptionState? adoption, DateTimeOffset now) =>
        adoption is { Adopted: true }
            ? Decision.Accept(new PracticeAdoptionUndone(adoption.Id, adoption.PracticeId, adoption.City, command.OfficialId, now))
            : Decision.NoChange;

    private static DomainError Withdrawn(string what) =>
        new(ErrorKind.Conflict, "practice-withdrawn", $"The practice was withdrawn; it cannot {what}.");

    /// <summary>
    /// Checks a practice's input: the texts, the rights (codes of the catalogue), and that every indicator and commitment it
    /// names is the publishing city's own (<paramref name="links"/>: an indicator it adopted, a commitment it published).
    /// </summary>
    private static List<DomainError> Content(PracticeInput input, CityLinks links, out PracticeContent? content)
    {
        content = null;
        var errors = new List<DomainError>();
        Check.Required(input.Title, "title", GoodPracticeRules.TitleMaxLength, errors);
        Check.Required(input.Summary, "summary", GoodPracticeRules.SummaryMaxLength, errors);
        Check.Required(input.WhatWasDone, "whatWasDone", GoodPracticeRules.TextMaxLength, errors);
        Check.Required(input.Results, "results", GoodPracticeRules.TextMaxLength, errors);
        Check.MaxLength(input.Contact, "contact", GoodPracticeRules.ContactMaxLength, errors);
        if (input.Rights is null || input.Rights.Count == 0)
            errors.Add(DomainError.Invalid("rights", "Name at least one right the practice serves (a code from the rights catalogue)."));
        else Check.Codes(input.Rights, "rights", GoodPracticeRules.MaxRights, ReferenceCatalogue.Default.IsRight, "is not a right of the catalogue", errors);

        var codes = input.IndicatorCodes ?? [];
        if (codes.Count > GoodPracticeRules.MaxIndicators)
            errors.Add(DomainError.Invalid("indicatorCodes", $"Name at most {GoodPracticeRules.MaxIndicators} indicators."));
        else
            for (var i = 0; i < codes.Count; i++)
                if (string.IsNullOrWhiteSpace(codes[i]))
                    errors.Add(DomainError.Invalid($"indicatorCodes[{i}]", "An indicator code cannot be empty."));
                else if (!links.Indicators.Contains(codes[i]!))
                    errors.Add(DomainError.Rule("indicator-not-adopted", $"'{codes[i]}' is not an indicator the city adopted.", $"indicatorCodes[{i}]"));

        var ids = input.CommitmentIds ?? [];
        if (ids.Count > GoodPracticeRules.MaxCommitments)
            errors.Add(DomainError.Invalid("commitmentIds", $"Name at most {GoodPracticeRules.MaxCommitments} commitments."));
        else
            for (var i = 0; i < ids.Count; i++)
                if (ids[i] is not { } id || id == Guid.Empty)
                    errors.Add(DomainError.Invalid($"commitmentIds[{i}]", "Give the id of one of the city's commitments."));
                else if (!links.Commitments.Contains(id))
                    errors.Add(DomainError.Rule("commitment-not-in-city", $"The city has no commitment {id}.", $"commitmentIds[{i}]"));
        if (errors.Count > 0) return errors;

        content = new PracticeContent(
            input.Title!.Trim(), input.Summary!.Trim(), input.WhatWasDone!.Trim(), input.Results!.Trim(),
            input.Rights!.Select(r => r!).Distinct(StringComparer.Ordinal).ToArray(),
            codes.Select(c => c!).Distinct(StringComparer.Ordinal).ToArray(),
            ids.Select(c => c!.Value).Distinct().ToArray(),
            Check.Optional(input.Contact));
        return errors;
    }

    private static bool Same(PracticeContent a, PracticeContent b) =>
        a.Title == b.Title && a.Summary == b.Summary && a.WhatWasDone == b.WhatWasDone && a.Results == b.Results && a.Contact == b.Contact
        && a.Rights.SequenceEqual(b.Rights) && a.IndicatorCodes.SequenceEqual(b.IndicatorCodes) && a.CommitmentIds.SequenceEqual(b.CommitmentIds);
}
