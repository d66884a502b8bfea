using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>
/// An indicator a network administrator added or revised (network-wide, not per city). <see cref="Current"/> is
/// the latest revision; <see cref="Revisions"/> every revision, oldest first. Shipped indicators that nobody
/// revised are read from the embedded reference files and have no document.
/// </summary>
public sealed class CatalogueIndicator
{
    public string Id { get; set; } = "";
    public IndicatorDefinition Current { get; set; } = null!;
    public List<IndicatorRevision> Revisions { get; set; } = [];
}

/// <summary>A revision of an indicator: who made it and when (both null for the revision shipped with the platform).</summary>
public sealed record IndicatorRevision(IndicatorDefinition Definition, Guid? AdministratorId, DateTimeOffset? RevisedAt);
