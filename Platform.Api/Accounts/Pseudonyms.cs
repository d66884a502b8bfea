using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Platform.Api.Accounts;

/// <summary>
/// A person's pseudonym: a keyed hash (HMAC-SHA256) of their account id, with a secret derived from the key ring's
/// certificate (its private key signs a fixed label; PKCS#1 v1.5 signatures are deterministic), so no extra secret
/// needs keeping and the database alone cannot compute or reverse it. An anonymous concern is stored under its
/// author's pseudonym: the platform still knows it is theirs, a copy of the database does not say whose it is.
/// </summary>
public sealed class Pseudonyms
{
    private const string Label = "human-rights-cities pseudonyms v1";
    private readonly byte[] _key;

    public Pseudonyms(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The key ring certificate has no RSA private key.");
        _key = SHA256.HashData(rsa.SignData(Encoding.UTF8.GetBytes(Label), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The pseudonym of <paramref name="accountId"/> (a version 8 GUID).</summary>
    public Guid Of(Guid accountId)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, accountId.ToByteArray(), hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), in .NET's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }

    /// <summary>A keyed hash of <paramref name="text"/> (hexadecimal): a key to store something personal (an email, an address) under without storing it.</summary>
    public string Of(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Who a concern is stored under: the account for a named concern, the pseudonym for an anonymous one.</summary>
    public Guid AuthorOf(Guid accountId, bool anonymous) => anonymous ? Of(accountId) : accountId;
}
