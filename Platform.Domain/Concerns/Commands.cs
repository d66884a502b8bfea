namespace Platform.Domain.Concerns;

/// <summary>Raise a rights concern. Fields are nullable because they arrive from clients as they are.</summary>
public sealed record RaiseConcern(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District,
    bool Anonymous = false);

/// <summary>Support a concern, as the given resident.</summary>
public sealed record SupportConcern(Guid ConcernId, Guid ResidentId);

/// <summary>Take back a resident's support of a concern.</summary>
public sealed record WithdrawConcernSupport(Guid ConcernId, Guid ResidentId);
