using Platform.Domain.GoodPractices;

namespace Platform.Projections.GoodPractices;

/// <summary>
/// The view of a good practice, kept by an inline projection of its stream in the publishing city's tenant: the current
/// version's content and every earlier version. The library reads these across the cities' tenants, and the cities'
/// adoptions (<see cref="PracticeAdoptionView"/>) beside them.
/// </summary>
public sealed class GoodPracticeView
{
    public Guid Id { get; set; }
    /// <summary>The publishing city (its slug; also the document's tenant).</summary>
    public string City { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The title in lower case, for the library's search in titles.</summary>
    public string TitleKey { get; set; } = "";
    public string Summary { get; set; } = "";
    public string WhatWasDone { get; set; } = "";
    public string Results { get; set; } = "";
    public string[] Rights { get; set; } = [];
    public string[] IndicatorCodes { get; set; } = [];
    public Guid[] CommitmentIds { get; set; } = [];
    public string? Contact { get; set; }
    public int Version { get; set; }
    /// <summary>Every version, the first publication first; the last one is the current content.</summary>
    public List<PracticeVersion> Versions { get; set; } = [];
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawReason { get; set; }
    /// <summary>The highest event sequence of the practice's stream reflected here.</summary>
    public long Sequence { get; set; }
}

/// <summary>One version of a practice: its number, its content and when it was written.</summary>
public sealed record PracticeVersion(int Version, PracticeContent Content, DateTimeOffset At);

/// <summary>
/// A city's adoption of a practice, kept by an inline projection of the adoption's stream in the adopting city's tenant
/// (<see cref="PracticeAdoptionState"/>): whether it stands, with the city's note.
/// </summary>
public sealed class PracticeAdoptionView
{
    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    /// <summary>The adopting city (its slug; also the document's tenant).</summary>
    public string City { get; set; } = "";
    public bool Adopted { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset AdoptedAt { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    public long Sequence { get; set; }
}
