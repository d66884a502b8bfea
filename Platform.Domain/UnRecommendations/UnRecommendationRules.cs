using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.UnRecommendations;

/// <summary>The sources, limits and keys of UN recommendations; shared by the decider, the CSV reader, the pages and the docs.</summary>
public static class UnRecommendationRules
{
    /// <summary>The Universal Periodic Review of the Human Rights Council.</summary>
    public const string Upr = "upr";

    /// <summary>The sources a recommendation comes from: the UPR and the treaty bodies, by their usual code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Upr] = "Universal Periodic Review",
        ["cescr"] = "Committee on Economic, Social and Cultural Rights",
        ["ccpr"] = "Human Rights Committee",
        ["cedaw"] = "Committee on the Elimination of Discrimination against Women",
        ["crc"] = "Committee on the Rights of the Child",
        ["crpd"] = "Committee on the Rights of Persons with Disabilities",
        ["cerd"] = "Committee on the Elimination of Racial Discrimination",
        ["cat"] = "Committee against Torture",
        ["cmw"] = "Committee on Migrant Workers",
        ["ced"] = "Committee on Enforced Disappearances",
    };

    public const int CycleMaxLength = 100;
    public const int ParagraphMaxLength = 64;
    public const int TextMaxLength = 4_000;
    public const int MaxRights = 10;
    public const int MaxSdgTargets = 10;
    /// <summary>A city keeps at most this many recommendations (a UPR cycle gives a state a few hundred, few of them local).</summary>
    public const int MaxRecommendations = 2_000;
    /// <summary>A recommendation becomes at most this many commitments.</summary>
    public const int MaxCommitments = 20;
    public const int MaxImportRows = 500;
    public const int MaxImportBytes = 1024 * 1024;

    /// <summary>The source as stored: trimmed and lower-case ("UPR" is <c>upr</c>); null when blank.</summary>
    public static string? NormaliseSource(string? source) => string.IsNullOrWhiteSpace(source) ? null : source.Trim().ToLowerInvariant();

    /// <summary>
    /// What makes two recommendations the same one: the source, the cycle and the paragraph (or, without a paragraph,
    /// the text), whatever their case and spacing. Importing a file twice records its recommendations once.
    /// </summary>
    public static string Key(string source, string cycle, string? paragraph, string text)
    {
        static string Squeeze(string value) => string.Join(' ', value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var name = $"{source}\n{Squeeze(cycle)}\n{(paragraph is null ? "text:" + Squeeze(text) : "paragraph:" + Squeeze(paragraph))}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
    }

    /// <summary>The stream of the city's register of UN recommendations (one per city).</summary>
    public static Guid RegisterOf(string city)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"un-recommendations\n{city}"));
        var bytes = hash.AsSpan(0, 16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), in .NET's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }
}
