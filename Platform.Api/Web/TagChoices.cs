using Platform.Domain.Reference;

namespace Platform.Api.Web;

/// <summary>
/// The rights and SDG targets a form has ticked, for the shared <c>_TagFields</c> partial (raise a concern,
/// submit a proposal, and later commitments): rights as checkboxes from the reference catalogue, SDG targets
/// in a disclosure. Field names and ids are the API's: <c>rights</c>, <c>sdgTargets</c>.
/// </summary>
public sealed record TagChoices(IReadOnlyCollection<string> Rights, IReadOnlyCollection<string> SdgTargets)
{
    /// <summary>The SDG targets of the reference catalogue in goal order (11.1 ... 11.a, 16.1 ...).</summary>
    public static readonly IReadOnlyList<string> AllSdgTargets = ReferenceCatalogue.Default.SdgTargets
        .OrderBy(t => t.Split('.')[0].PadLeft(2, '0')).ThenBy(t => t.Split('.')[1].PadLeft(3, '0'), StringComparer.Ordinal).ToList();
}
