namespace Platform.Domain.GoodPractices;

/// <summary>
/// A practice as an official writes it (the body of a publication or of a revision). Fields are nullable because
/// they arrive from clients as they are.
/// </summary>
public sealed record PracticeInput(
    string? Title,
    string? Summary,
    string? WhatWasDone,
    string? Results,
    IReadOnlyList<string?>? Rights,
    IReadOnlyList<string?>? IndicatorCodes,
    IReadOnlyList<Guid?>? CommitmentIds,
    string? Contact);

/// <summary>
/// What the handler looks up in the publishing city before deciding: the codes of the indicators the city has adopted
/// and the ids of its commitments. A practice links only to its own city's indicators and commitments.
/// </summary>
public sealed record CityLinks(IReadOnlySet<string> Indicators, IReadOnlySet<Guid> Commitments)
{
    public static readonly CityLinks None = new(new HashSet<string>(), new HashSet<Guid>());
}

/// <summary>Official <paramref name="OfficialId"/> of <paramref name="City"/> publishes <paramref name="Input"/> as the new practice <paramref name="PracticeId"/>.</summary>
public sealed record PublishPractice(Guid PracticeId, string City, Guid OfficialId, PracticeInput Input)
{
    public CityLinks Links { get; init; } = CityLinks.None;
}

/// <summary>A new version of the practice replaces the current one (the earlier versions are kept).</summary>
public sealed record RevisePractice(Guid PracticeId, Guid OfficialId, PracticeInput Input)
{
    public CityLinks Links { get; init; } = CityLinks.None;
}

/// <summary>The publishing city takes the practice out of the library.</summary>
public sealed record WithdrawPractice(Guid PracticeId, Guid OfficialId, string? Reason);

/// <summary>
/// Official <paramref name="OfficialId"/> says their city <paramref name="City"/> adopted the practice. The adoption is the
/// adopting city's own stream (<see cref="AdoptionStream"/>); the handler looks up the <see cref="Practice"/> it names
/// (in the publishing city) before deciding.
/// </summary>
public sealed record AdoptPractice(Guid PracticeId, string City, Guid OfficialId, string? Note)
{
    public GoodPractice? Practice { get; init; }
}

/// <summary>City <paramref name="City"/> no longer says it adopted the practice.</summary>
public sealed record UndoPracticeAdoption(Guid PracticeId, string City, Guid OfficialId);
