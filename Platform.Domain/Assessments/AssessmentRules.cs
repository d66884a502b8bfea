using System.Text.RegularExpressions;

namespace Platform.Domain.Assessments;

/// <summary>Limits on assessments and peer reviews; shared by validation and documentation.</summary>
public static partial class AssessmentRules
{
    public const int CycleMaxLength = 32;
    public const int MaxEvidence = 20;
    public const int EvidenceMaxLength = 2_000;
    public const int NoteMaxLength = 2_000;
    public const int FindingMaxLength = 5_000;
    public const int RecommendationMaxLength = 2_000;
    public const int MaxRecommendations = 200;
    public const int MaxRights = 10;
    public const int FollowUpMaxLength = 5_000;

    /// <summary>A cycle names a URL segment: letters, digits, dot, dash and underscore, starting with a letter or digit ("2026", "2026-h1").</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    public static partial Regex CyclePattern();

    /// <summary>The cycle as stored and addressed: trimmed and lower-case, so "2026" and " 2026 " are one cycle.</summary>
    public static string? NormaliseCycle(string? cycle) => string.IsNullOrWhiteSpace(cycle) ? null : cycle.Trim().ToLowerInvariant();

    /// <summary>An absolute http(s) URL with a host: evidence must be something a reader can open.</summary>
    public static bool IsEvidenceLink(string? link) =>
        link is { Length: > 0 and <= EvidenceMaxLength }
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    /// <summary>An item counts as "in place" for recognition when it is in place, evaluated or not.</summary>
    public static bool IsInPlace(AssessmentLevel level) => level is AssessmentLevel.InPlace or AssessmentLevel.InPlaceAndEvaluated;

    /// <summary>Parses an enum value from its camelCase name (as the API writes it), ignoring case; numbers are refused.</summary>
    public static bool TryParseName<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var name = value.Trim().Replace("-", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                parsed = candidate;
                return true;
            }
        return false;
    }
}
