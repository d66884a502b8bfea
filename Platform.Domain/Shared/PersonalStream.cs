using System.Security.Cryptography;

namespace Platform.Domain;

/// <summary>
/// Names the stream that holds what one person did about one item: a support, a vote, an answer, a follow. The id
/// is derived from the pair, so two concurrent first writes by the same person try to start the same stream and the
/// event store's primary key lets exactly one of them through: one person, one voice, enforced by the database
/// rather than by a read-then-write check. Shared by every feature, so it lives with the domain's shared types.
/// </summary>
public static class PersonalStream
{
    public static Guid Id(Guid itemId, Guid personId)
    {
        Span<byte> input = stackalloc byte[32];
        itemId.TryWriteBytes(input[..16]);
        personId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), in .NET's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }
}
