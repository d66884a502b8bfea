using Platform.Domain.Proposals;

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
        ListFilters.CheckTags(right, sdgTarget, errors);
        var parsedStatus = ListFilters.Status<ProposalStatus>(status, "open, thresholdReached, accepted, rejected, withdrawn", errors);
        ListFilters.CheckOrderAndText(sort, q, errors);
        return new ProposalQuery(right, sdgTarget, parsedStatus, ListFilters.Text(district), ListFilters.Text(q), sort == "supports", number, size);
    }
}
