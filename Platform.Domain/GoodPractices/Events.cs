namespace Platform.Domain.GoodPractices;

/// <summary>
/// The content of one version of a practice, as published or revised; the practice as shown (<c>PracticeDetails</c>)
/// carries it too, so its fields are declared once.
/// </summary>
public record PracticeContent(
    string Title,
    string Summary,
    string WhatWasDone,
    string Results,
    string[] Rights,
    string[] IndicatorCodes,
    Guid[] CommitmentIds,
    string? Contact);

/// <summary>A city published a good practice: its first version.</summary>
public sealed record PracticePublished(Guid PracticeId, string City, PracticeContent Content, Guid OfficialId, DateTimeOffset PublishedAt);

/// <summary>The practice was revised: <paramref name="Version"/> (2, 3, ...) replaces the current content.</summary>
public sealed record PracticeRevised(Guid PracticeId, int Version, PracticeContent Content, Guid OfficialId, DateTimeOffset RevisedAt);

/// <summary>The publishing city withdrew the practice: it leaves the library.</summary>
public sealed record PracticeWithdrawn(Guid PracticeId, string? Reason, Guid OfficialId, DateTimeOffset WithdrawnAt);

/// <summary>Another city of the network says it adopted the practice (on the adoption's stream, in the adopting city).</summary>
public sealed record PracticeAdopted(Guid AdoptionId, Guid PracticeId, string City, string? Note, Guid OfficialId, DateTimeOffset AdoptedAt);

/// <summary>A city that had taken back its adoption says again that it adopted the practice.</summary>
public sealed record PracticeReadopted(Guid AdoptionId, Guid PracticeId, string City, string? Note, Guid OfficialId, DateTimeOffset AdoptedAt);

/// <summary>A city took back its word that it adopted the practice.</summary>
public sealed record PracticeAdoptionUndone(Guid AdoptionId, Guid PracticeId, string City, Guid OfficialId, DateTimeOffset UndoneAt);
