using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.GoodPractices;

/// <summary>
/// Names the stream of a city's adoption of a practice. Derived from (practice, city), as a person's stream about an
/// item is (<see cref="PersonalStream"/>), so a city adopts a practice once without an index to look it up, and two
/// concurrent adoptions by one city race for the same stream id.
/// </summary>
public static class AdoptionStream
{
    public static Guid Id(Guid practiceId, string city) =>
        PersonalStream.Id(practiceId, new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"city|{city}")).AsSpan(0, 16)));
}
