using Platform.Domain.Assessments;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Domain.UnRecommendations;

/// <summary>
/// The rules of a city's UN recommendations, as pure functions of command, register and time. Officials record them
/// (one at a time or a file, all rows or none), answer each as a peer-review recommendation is answered
/// (<see cref="RecommendationChecks"/>), report follow-up and link supported ones to the city's commitments.
/// </summary>
public static class UnRecommendationDecider
{
    /// <summary>A recommendation checked and trimmed, as it is recorded.</summary>
    private sealed record Entry(string Source, string Cycle, string? Paragraph, string Text, string[] Rights, string[] SdgTargets)
    {
        public string Key => UnRecommendationRules.Key(Source, Cycle, Paragraph, Text);
    }

    /// <summary>Records one recommendation; the same source, cycle and paragraph (or text) recorded already is a conflict.</summary>
    public static Decision Decide(RecordUnRecommendation command, UnRecommendationRegister? register, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        var entry = Validate(command.Input, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (register?.Keys.ContainsKey(entry!.Key) == true)
            return Decision.Refuse(DomainError.Conflict("un-recommendation-exists", "The city has recorded this recommendation already (same source, cycle and paragraph)."));
        if (register?.Recommendations.Count >= UnRecommendationRules.MaxRecommendations) return Decision.Refuse(TooMany);
        return Decision.Accept([.. Opening(command.RegisterId, command.City, register, now),
            Recorded(command.RegisterId, command.RecommendationId, entry!, imported: false, command.OfficialId, now)]);
    }

    /// <summary>
    /// Imports a file, all rows or none: a file not in the layout (400) or rows that do not pass the checks of a single
    /// recommendation, or repeat an earlier row (422), are reported row by row with line and column, and nothing is
    /// recorded. Rows recorded already (an import repeated) are left as they are.
    /// </summary>
    public static Decision Decide(ImportUnRecommendations command, UnRecommendationRegister? register, DateTimeOffset now)
    {
        if (command.Malformed.Count > 0) return Decision.Refuse(MeasurementImport.Report(command.Malformed, ErrorKind.Invalid));
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var recorded = new List<object>();
        var errors = new List<DomainError>();
        foreach (var row in command.Rows)
        {
            errors.Clear();
            var entry = Validate(row.Input, errors);
            foreach (var error in errors) problems.Add(new ImportProblem(row.Line, ColumnOf(error.Field, row), error.Message));
            if (entry is null) continue;
            if (seen.TryGetValue(entry.Key, out var first))
            {
                problems.Add(new ImportProblem(row.Line, row.Columns.GetValueOrDefault(UnRecommendationCsv.Paragraph) ?? row.Columns[UnRecommendationCsv.Text],
                    $"Line {first} holds this recommendation already."));
                continue;
            }
            seen[entry.Key] = row.Line;
            if (register?.Keys.ContainsKey(entry.Key) == true) continue; // recorded by an earlier import: unchanged
            recorded.Add(Recorded(command.RegisterId, row.RecommendationId, entry, imported: true, command.OfficialId, now));
        }
        if (problems.Count > 0) return Decision.Refuse(MeasurementImport.Report(problems.OrderBy(p => p.Line), ErrorKind.RuleViolated));
        if (recorded.Count == 0) return Decision.NoChange;
        if ((register?.Recommendations.Count ?? 0) + recorded.Count > UnRecommendationRules.MaxRecommendations) return Decision.Refuse(TooMany);
        return Decision.Accept([.. Opening(command.RegisterId, command.City, register, now), .. recorded]);
    }

    /// <summary>Recommendations recorded by an accepted import.</summary>
    public static int Imported(Decision decision) => decision.Events.OfType<UnRecommendationRecorded>().Count();

    public static Decision Decide(AnswerUnRecommendation command, UnRecommendationRegister? register, DateTimeOffset now)
    {
        if (register?.Recommendation(command.RecommendationId) is not { } recommendation) return Decision.Refuse(NotFound);
        if (recommendation.Response is not null)
            return Decision.Refuse(DomainError.Conflict("recommendation-already-answered", "The city has answered this recommendation already."));
        var errors = new List<DomainError>();
        var (response, note) = RecommendationChecks.Answer(command.Response, command.Note, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new UnRecommendationAnswered(register!.Id, recommendation.Id, response, note, command.OfficialId, now));
    }

    public static Decision Decide(ReportUnRecommendationFollowUp command, UnRecommendationRegister? register, DateTimeOffset now)
    {
        if (register?.Recommendation(command.RecommendationId) is not { } recommendation) return Decision.Refuse(NotFound);
        if (recommendation.Response is null)
            return Decision.Refuse(DomainError.Rule("recommendation-not-answered", "Mark the recommendation supported or noted before reporting follow-up."));
        var errors = new List<DomainError>();
        var (text, date, status) = RecommendationChecks.FollowUp(command.Text, command.Date, command.Status, now, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new UnRecommendationFollowUpReported(register!.Id, recommendation.Id, text, date, status, command.OfficialId, now));
    }

    /// <summary>Links a supported recommendation to a commitment of the city (<see cref="LinkUnRecommendationToCommitment.CommitmentOfCity"/>); a link made already changes nothing.</summary>
    public static Decision Decide(LinkUnRecommendationToCommitment command, UnRecommendationRegister? register, DateTimeOffset now)
    {
        if (register?.Recommendation(command.RecommendationId) is not { } recommendation) return Decision.Refuse(NotFound);
        if (command.CommitmentId is not { } commitment || commitment == Guid.Empty)
            return Decision.Refuse(DomainError.Invalid("commitmentId", "Give the id of the commitment."));
        if (!command.CommitmentOfCity)
            return Decision.Refuse(DomainError.Rule("unknown-commitment", "The id names no commitment of this city.", "commitmentId"));
        if (recommendation.Response != RecommendationResponse.Supported)
            return Decision.Refuse(DomainError.Rule("recommendation-not-supported", "Only a supported recommendation can become a commitment."));
        if (recommendation.CommitmentIds.Contains(commitment)) return Decision.NoChange;
        if (recommendation.CommitmentIds.Count >= UnRecommendationRules.MaxCommitments)
            return Decision.Refuse(DomainError.Rule("too-many-commitments", $"A recommendation links at most {UnRecommendationRules.MaxCommitments} commitments.", "commitmentId"));
        return Decision.Accept(new UnRecommendationLinkedToCommitment(register!.Id, recommendation.Id, commitment, command.OfficialId, now));
    }

    /// <summary>The checks of one recommendation's fields; null when any fails (the errors name the fields).</summary>
    private static Entry? Validate(UnRecommendationInput input, List<DomainError> errors)
    {
        var before = errors.Count;
        var source = UnRecommendationRules.NormaliseSource(input.Source);
        if (source is null)
            errors.Add(DomainError.Invalid("source", "Name the source: upr or a treaty body (cescr, ccpr, cedaw, crc, crpd, cerd, cat, cmw, ced)."));
        else if (!UnRecommendationRules.Sources.ContainsKey(source))
            errors.Add(DomainError.Invalid("source", $"'{input.Source!.Trim()}' is not a source: upr or a treaty body (cescr, ccpr, cedaw, crc, crpd, cerd, cat, cmw, ced)."));
        Check.Required(input.Cycle, "cycle", UnRecommendationRules.CycleMaxLength, errors);
        var paragraph = Check.Optional(input.Paragraph);
        Check.MaxLength(paragraph, "paragraph", UnRecommendationRules.ParagraphMaxLength, errors);
        Check.Required(input.Text, "text", UnRecommendationRules.TextMaxLength, errors);
        var rights = Trimmed(input.Rights);
        if (rights.Length == 0) errors.Add(DomainError.Invalid("rights", "Name at least one right the recommendation is about (such as housing)."));
        Check.Codes(rights, "rights", UnRecommendationRules.MaxRights, ReferenceCatalogue.Default.IsRight, "is not a right of the platform's taxonomy", errors);
        var targets = Trimmed(input.SdgTargets);
        Check.Codes(targets, "sdgTargets", UnRecommendationRules.MaxSdgTargets, ReferenceCatalogue.Default.IsSdgTarget, "is not an SDG target (such as 11.1)", errors);
        if (errors.Count > before) return null;
        return new Entry(source!, input.Cycle!.Trim(), paragraph, input.Text!.Trim(), Distinct(rights), Distinct(targets));
    }

    private static string?[] Trimmed(IReadOnlyList<string?>? codes) => codes?.Select(c => c?.Trim()).ToArray() ?? [];

    private static string[] Distinct(string?[] codes) => codes.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    private static IEnumerable<object> Opening(Guid registerId, string city, UnRecommendationRegister? register, DateTimeOffset now) =>
        register is null ? [new UnRecommendationRegisterOpened(registerId, city, now)] : [];

    private static UnRecommendationRecorded Recorded(Guid registerId, Guid id, Entry entry, bool imported, Guid officialId, DateTimeOffset now) =>
        new(registerId, id, entry.Source, entry.Cycle, entry.Paragraph, entry.Text, entry.Rights, entry.SdgTargets, entry.Key, imported, officialId, now);

    /// <summary>The file's column of a field error (<c>rights[2]</c> is the rights column).</summary>
    private static string ColumnOf(string? field, UnRecommendationRow row)
    {
        var name = field is null ? "*" : field.IndexOf('[') is > 0 and var bracket ? field[..bracket] : field;
        return row.Columns.GetValueOrDefault(name) ?? name;
    }

    private static readonly DomainError NotFound = DomainError.NotFound("un-recommendation");
    private static readonly DomainError TooMany = DomainError.Rule("too-many-un-recommendations",
        $"A city keeps at most {UnRecommendationRules.MaxRecommendations} UN recommendations.");
}
