using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>Filters, order and page of a concern list.</summary>
public sealed record ConcernQuery(
    string? Right = null,
    string? SdgTarget = null,
    ConcernStatus? Status = null,
    string? District = null,
    string? Text = null,
    bool BySupports = false,
    Guid? Author = null,
    bool IncludeHidden = false,
    int Page = 1,
    int PageSize = 20)
{
    /// <summary>Only concerns tagged with this group (a code of <see cref="Platform.Domain.Groups"/>).</summary>
    public string? Group { get; init; }

    /// <summary>The group filter as it arrives: a known code, or an error naming <c>group</c>.</summary>
    public static string? ParseGroup(string? group, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(group)) return null;
        if (Platform.Domain.Groups.IsKnown(group)) return group;
        errors.Add(DomainError.Invalid("group", $"'{(group.Length > 40 ? group[..40] : group)}' is not a known group."));
        return null;
    }

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// The list's filters as they arrive (the API's query string, a page's form), checked: each value that does not
    /// parse adds an error naming it. Hidden concerns are listed (<c>status=hidden</c>) only for the city's officials
    /// and moderators (<paramref name="maySeeHidden"/>): for anyone else that is a 403 naming <c>status</c>.
    /// </summary>
    public static ConcernQuery Parse(string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, string? page, string? pageSize, bool maySeeHidden, List<DomainError> errors)
    {
        // Paging arrives as text: a number that does not parse is refused, not silently replaced by the default.
        var number = 1;
        var size = DefaultPageSize;
        // A value that is not a number is checked as the out-of-range 0, so it is refused with the same message.
        if (page is not null && !int.TryParse(page, out number)) number = 0;
        if (pageSize is not null && !int.TryParse(pageSize, out size)) size = 0;
        Paging.Check(number, size, MaxPageSize, errors);
        ListFilters.CheckTags(right, sdgTarget, errors);
        var parsedStatus = ListFilters.Status<ConcernStatus>(status, string.Join(", ", Enum.GetNames<ConcernStatus>()).ToLowerInvariant(), errors);
        ListFilters.CheckOrderAndText(sort, q, errors);
        if (parsedStatus == ConcernStatus.Hidden && !maySeeHidden)
            errors.Add(new DomainError(ErrorKind.Forbidden, "hidden-concerns", "Only the city's officials and moderators list hidden concerns.", "status"));
        return new ConcernQuery(right, sdgTarget, parsedStatus, ListFilters.Text(district), ListFilters.Text(q), sort == "supports", Page: number, PageSize: size);
    }

    /// <summary>The city's officials and moderators see its hidden concerns; no one else does.</summary>
    public static bool MaySeeHidden(ClaimsPrincipal user, string city) =>
        user.HoldsRole(city, CityRole.Official) || user.HoldsRole(city, CityRole.Moderator);
}
