namespace Platform.Domain.UnRecommendations;

// Every command names the city's register (UnRecommendationRules.RegisterOf(city)) and the official acting. Input fields
// are nullable: they arrive from clients as they are, and the decider says what is missing.

/// <summary>A recommendation as entered or imported: source, cycle or session, paragraph or symbol, text, rights and SDG targets.</summary>
public sealed record UnRecommendationInput(string? Source, string? Cycle, string? Paragraph, string? Text, IReadOnlyList<string?>? Rights,
    IReadOnlyList<string?>? SdgTargets);

/// <summary>Record one recommendation under the new id <paramref name="RecommendationId"/>.</summary>
public sealed record RecordUnRecommendation(Guid RegisterId, string City, Guid RecommendationId, Guid OfficialId, UnRecommendationInput Input);

/// <summary>One data row of an imported file, with its new id and the file's column each field came from.</summary>
public sealed record UnRecommendationRow(int Line, Guid RecommendationId, UnRecommendationInput Input, IReadOnlyDictionary<string, string> Columns);

/// <summary>
/// Import a file's rows, all or none. <paramref name="Malformed"/> are the problems of the file's shape (header, field
/// counts) found while reading it (<see cref="UnRecommendationCsv"/>).
/// </summary>
public sealed record ImportUnRecommendations(Guid RegisterId, string City, Guid OfficialId, IReadOnlyList<UnRecommendationRow> Rows,
    IReadOnlyList<Monitoring.ImportProblem> Malformed);

/// <summary>Mark a recommendation <c>supported</c> or <c>noted</c>; a noted one needs a note saying why.</summary>
public sealed record AnswerUnRecommendation(Guid RegisterId, Guid RecommendationId, Guid OfficialId, string? Response, string? Note);

/// <summary>Report what the city did about a recommendation: text, date and status (<c>notStarted</c> ... <c>implemented</c>).</summary>
public sealed record ReportUnRecommendationFollowUp(Guid RegisterId, Guid RecommendationId, Guid OfficialId, string? Text, DateOnly? Date, string? Status);

/// <summary>
/// Link a supported recommendation to a commitment of the city. <see cref="CommitmentOfCity"/> is what the handler knows
/// and the caller does not: whether the id names a commitment of this city.
/// </summary>
public sealed record LinkUnRecommendationToCommitment(Guid RegisterId, Guid RecommendationId, Guid OfficialId, Guid? CommitmentId)
{
    public bool CommitmentOfCity { get; init; }
}
