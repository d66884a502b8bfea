using Platform.Domain.Assessments;

namespace Platform.Api.Web;

/// <summary>
/// The officials' forms on a recommendation the city answers (a peer review's or the UN's), for the shared
/// <c>_RecommendationForms</c> partial: answer it (supported or noted), report follow-up, link a commitment. Each form
/// posts its own handler (<c>Answer</c>, <c>FollowUp</c>, <c>Link</c>) with the recommendation's id; field ids carry
/// <see cref="Prefix"/> so that several recommendations' forms can share one page.
/// </summary>
/// <param name="Commitments">The city's commitments a supported recommendation may be linked to (id and title).</param>
public sealed record RecommendationForms(string Prefix, Guid RecommendationId, RecommendationResponse? Response,
    IReadOnlyList<(Guid Id, string Title)> Commitments)
{
    public const string Answer = "answer", FollowUp = "followup", Link = "link";

    /// <summary>The id of a form's field: <c>{prefix}-{form}-{field}</c>.</summary>
    public string Id(string form, string field) => $"{Prefix}-{form}-{field}";

    /// <summary>The prefix of a recommendation's forms on a page of several.</summary>
    public static string PrefixOf(Guid recommendation) => "r" + recommendation.ToString("N")[..8];

    /// <summary>Maps an API field of a refusal to the field id of the form that was posted.</summary>
    public static Func<string, string> FieldsOf(string prefix, string form) =>
        field => EndpointAnswers.FormField(field) is { Length: > 0 } name ? $"{prefix}-{form}-{name}" : "";

    /// <summary>The follow-up statuses, in order, by their API names.</summary>
    public static readonly FollowUpStatus[] Statuses = Enum.GetValues<FollowUpStatus>();

    /// <summary>An enum value's API name (camelCase: <c>inProgress</c>).</summary>
    public static string ApiName(Enum value) => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];
}
