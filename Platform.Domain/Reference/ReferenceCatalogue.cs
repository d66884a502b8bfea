using System.Collections.Frozen;

namespace Platform.Domain.Reference;

/// <summary>
/// The reference data shipped with the platform (embedded copies of shared/reference/*.csv),
/// loaded once. Pure data: no I/O beyond reading the assembly's own resources.
/// </summary>
public sealed class ReferenceCatalogue
{
    private static readonly Lazy<ReferenceCatalogue> Shared = new(Load);

    /// <summary>The catalogue built from the embedded reference files.</summary>
    public static ReferenceCatalogue Default => Shared.Value;

    public FrozenDictionary<string, Right> Rights { get; }
    public FrozenDictionary<string, SdgIndicator> SdgIndicators { get; }
    /// <summary>SDG target codes (11.2, 16.7, 11.a) that the known SDG indicators measure.</summary>
    public FrozenSet<string> SdgTargets { get; }
    /// <summary>Codes of the platform's indicator catalogue (indicators.csv: IND-001 ...).</summary>
    public FrozenSet<string> IndicatorCodes { get; }

    private ReferenceCatalogue(IEnumerable<Right> rights, IEnumerable<SdgIndicator> sdgIndicators, IEnumerable<string> indicatorCodes)
    {
        IndicatorCodes = indicatorCodes.ToFrozenSet(StringComparer.Ordinal);
        Rights = rights.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        SdgIndicators = sdgIndicators.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
        SdgTargets = SdgIndicators.Values.Select(i => i.Target).ToFrozenSet(StringComparer.Ordinal);
    }

    public bool IsRight(string code) => Rights.ContainsKey(code);
    public bool IsSdgTarget(string code) => SdgTargets.Contains(code);
    public bool IsIndicator(string code) => IndicatorCodes.Contains(code);

    private static ReferenceCatalogue Load()
    {
        static string[] List(string value) =>
            value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var rights = Records("rights.csv").Select(r => new Right(
            r["code"], r["name"], List(r["udhr_articles"]), List(r["eu_charter_articles"]), List(r["ohchr_attributes"])));
        var sdg = Records("sdg-indicators.csv").Select(r => new SdgIndicator(r["code"], r["name"]));
        var indicators = Records("indicators.csv").Select(r => r["code"]);
        return new ReferenceCatalogue(rights, sdg, indicators);
    }

    internal static IReadOnlyList<IReadOnlyDictionary<string, string>> Records(string file)
    {
        var name = $"Platform.Domain.Reference.{file}";
        using var stream = typeof(ReferenceCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded reference file {name} is missing.");
        using var reader = new StreamReader(stream);
        return Csv.ReadRecords(reader);
    }
}
