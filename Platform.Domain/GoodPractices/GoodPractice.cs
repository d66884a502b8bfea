namespace Platform.Domain.GoodPractices;

/// <summary>The write-side state of a good practice: only what its rules need.</summary>
public sealed record GoodPractice(Guid Id, string City, int Version, PracticeContent Content, bool Withdrawn)
{
    public static GoodPractice From(PracticePublished e) => new(e.PracticeId, e.City, 1, e.Content, false);

    public GoodPractice Then(PracticeRevised e) => this with { Version = e.Version, Content = e.Content };
    public GoodPractice Then(PracticeWithdrawn _) => this with { Withdrawn = true };
}

/// <summary>
/// The write-side state of one city's adoption of one practice: its own stream in the adopting city's tenant, its id
/// derived from the pair (<see cref="AdoptionStream"/>), so a city adopts a practice once however many ask at once.
/// </summary>
public sealed record PracticeAdoptionState(Guid Id, Guid PracticeId, string City, bool Adopted)
{
    public static PracticeAdoptionState From(PracticeAdopted e) => new(e.AdoptionId, e.PracticeId, e.City, true);

    public PracticeAdoptionState Then(PracticeReadopted _) => this with { Adopted = true };
    public PracticeAdoptionState Then(PracticeAdoptionUndone _) => this with { Adopted = false };
}
