using Platform.Domain.UnRecommendations;

namespace Platform.Api.UnRecommendations;

// The bodies of the UN recommendation endpoints: only what a caller may send (the city and the official come from the
// route and the sign-in). Fields are nullable: they arrive as they are, and the rules say what is missing.

/// <summary>A recommendation to record: its source (<c>upr</c> or a treaty body code), cycle or session, paragraph or symbol, text, rights and SDG targets.</summary>
public sealed record RecordUnRecommendationRequest(string? Source, string? Cycle, string? Paragraph, string? Text, IReadOnlyList<string?>? Rights,
    IReadOnlyList<string?>? SdgTargets)
{
    public UnRecommendationInput Input() => new(Source, Cycle, Paragraph, Text, Rights, SdgTargets);
}

/// <summary>The city's answer: <c>supported</c> or <c>noted</c> (a noted one needs a note saying why).</summary>
public sealed record AnswerUnRecommendationRequest(string? Response, string? Note);

/// <summary>A follow-up report: what was done, when (yyyy-mm-dd), and where the implementation stands.</summary>
public sealed record ReportUnRecommendationFollowUpRequest(string? Text, DateOnly? Date, string? Status);

/// <summary>The commitment of the city a supported recommendation is followed up by.</summary>
public sealed record LinkUnRecommendationRequest(Guid? CommitmentId);
