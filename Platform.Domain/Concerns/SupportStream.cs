using System.Security.Cryptography;

namespace Platform.Domain.Concerns;

/// <summary>
/// Names the stream that holds one resident's support of one item. The id is derived from the pair,
/// so two concurrent first supports by the same resident try to start the same stream and the event
/// store's primary key lets exactly one of them through: one resident, one support, enforced by the
/// database rather than by a read-then-write check.
/// </summary>
public static class SupportStream
{
    public static Guid Id(Guid itemId, Guid residentId)
    {
        Span<byte> input = stackalloc byte[32];
        itemId.TryWriteBytes(input[..16]);
        residentId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), in .NET's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }
}
