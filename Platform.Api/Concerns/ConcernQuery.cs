namespace Platform.Api.Concerns;

/// <summary>Filters, order and page of a concern list.</summary>
public sealed record ConcernQuery(
    string? Right = null,
    string? SdgTarget = null,
    Platform.Domain.Concerns.ConcernStatus? Status = null,
    string? District = null,
    string? Text = null,
    bool BySupports = false,
    Guid? Author = null,
    bool IncludeHidden = false,
    int Page = 1,
    int PageSize = 20);
