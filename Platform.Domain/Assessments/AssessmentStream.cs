using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Assessments;

/// <summary>
/// Names the stream of a city's assessment cycle. The id is derived from (city, cycle), so the cycle in the
/// URL finds its stream with one load, and two officials starting the same cycle at once try to start the
/// same stream: the event store's primary key lets one through.
/// </summary>
public static class AssessmentStream
{
    /// <summary>
    /// The stream of the cycle as a caller names it (trimmed, any case); a blank cycle names a stream that never
    /// exists (no cycle starts blank), so every command on it finds no assessment.
    /// </summary>
    public static Guid Of(string city, string? cycle) => Id(city, AssessmentRules.NormaliseCycle(cycle) ?? "");

    public static Guid Id(string city, string cycle) => Hash($"assessment\n{city}\n{cycle}");

    /// <summary>The stream of the city's declaration of its human rights commitment (one per city: the first step to candidacy).</summary>
    public static Guid Declaration(string city) => Hash($"declaration\n{city}");

    private static Guid Hash(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), in .NET's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }
}
