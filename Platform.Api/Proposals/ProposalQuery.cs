using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Proposals;
using Platform.Domain.Reference;

namespace Platform.Api.Proposals;

/// <summary>Filters, order and page of a proposal list.</summary>
public sealed record ProposalQuery(
    string? Right = null,
    string? SdgTarget = null,
    ProposalStatus? Status = null,
    string? District = null,
    string? Text = null,
    bool BySupports = false,
    int Page = 1,
    int PageSize = 20)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The list's filters as they arrive (the API's query string, a page's form), checked: each value that does not parse adds an error naming it.</summary>
    public static ProposalQuery Parse(string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, int? page, int? pageSize, List<DomainError> errors)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        Paging.Check(number, size, MaxPageSize, errors);
        if (right is not null && !ReferenceCatalogue.Default.IsRight(right)) errors.Add(DomainError.Invalid("right", $"'{right}' is not a right of the catalogue."));
        if (sdgTarget is not null && !ReferenceCatalogue.Default.IsSdgTarget(sdgTarget)) errors.Add(DomainError.Invalid("sdgTarget", $"'{sdgTarget}' is not a known SDG target."));
        ProposalStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<ProposalStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsedStatus = s;
            else errors.Add(DomainError.Invalid("status", $"'{status}' is not a status (open, thresholdReached, accepted, rejected, withdrawn)."));
        }
        if (sort is not null && sort is not ("recent" or "supports")) errors.Add(DomainError.Invalid("sort", "Sort by 'recent' or 'supports'."));
        if (q is { Length: > 200 }) errors.Add(DomainError.Invalid("q", "The search text may have at most 200 characters."));
        return new ProposalQuery(right, sdgTarget, parsedStatus, string.IsNullOrWhiteSpace(district) ? null : district.Trim(),
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), sort == "supports", number, size);
    }
}
