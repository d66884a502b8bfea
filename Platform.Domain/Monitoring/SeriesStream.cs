using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Monitoring;

/// <summary>
/// Names the stream of a city's series of one indicator. Derived from (city, code), so a city has one series per
/// indicator without an index to look it up, and two concurrent adoptions race for the same stream id.
/// </summary>
public static class SeriesStream
{
    public static Guid Id(string city, string code)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"indicator-series|{city}|{code}"), hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), in .NET's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }
}
