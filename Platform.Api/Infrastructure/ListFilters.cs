using Platform.Domain.Reference;

namespace Platform.Api.Infrastructure;

/// <summary>
/// The filters the lists of concerns and proposals share, checked one way: each value that is not one the list knows
/// adds an error naming its parameter (400), in the order the lists report them.
/// </summary>
public static class ListFilters
{
    /// <summary>A right and an SDG target to filter by: codes of the reference catalogue.</summary>
    public static void CheckTags(string? right, string? sdgTarget, List<DomainError> errors)
    {
        if (right is not null && !ReferenceCatalogue.Default.IsRight(right)) errors.Add(DomainError.Invalid("right", $"'{right}' is not a right of the catalogue."));
        if (sdgTarget is not null && !ReferenceCatalogue.Default.IsSdgTarget(sdgTarget)) errors.Add(DomainError.Invalid("sdgTarget", $"'{sdgTarget}' is not a known SDG target."));
    }

    /// <summary>A status of <typeparamref name="TStatus"/> by its name (any case; not its number), or null when none is asked for.</summary>
    public static TStatus? Status<TStatus>(string? status, string names, List<DomainError> errors) where TStatus : struct, Enum
    {
        if (status is null) return null;
        if (Enum.TryParse<TStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)) return parsed;
        errors.Add(DomainError.Invalid("status", $"'{status}' is not a status ({names})."));
        return null;
    }

    /// <summary>The order (<c>recent</c> or <c>supports</c>) and the search text (at most 200 characters).</summary>
    public static void CheckOrderAndText(string? sort, string? q, List<DomainError> errors)
    {
        if (sort is not null && sort is not ("recent" or "supports")) errors.Add(DomainError.Invalid("sort", "Sort by 'recent' or 'supports'."));
        if (q is { Length: > 200 }) errors.Add(DomainError.Invalid("q", "The search text may have at most 200 characters."));
    }

    /// <summary>A text filter as the query uses it: trimmed, or null when blank.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
