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
    int PageSize = 20);
