using Platform.Api.Following;

namespace Platform.Api.Pages.Following;

/// <summary>
/// What the signed-in resident follows, across their cities, latest change first: what the API's
/// <c>GET /api/accounts/me/following</c> answers, read by the same reader (explicit follows, and commitments followed
/// automatically through the concerns they support), each linked to its page.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FollowingModel(FollowingReader reader, CityDirectory directory) : PageModel
{
    public IReadOnlyList<FollowedItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, City> Cities { get; private set; } = new Dictionary<string, City>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        Items = await reader.MineAsync(User, cancellation);
        var cities = new Dictionary<string, City>();
        foreach (var slug in Items.Select(i => i.City).Distinct())
            if (await directory.FindAsync(slug, cancellation) is { } city) cities[slug] = city;
        Cities = cities;
        return Page();
    }

    /// <summary>The item's page on this site.</summary>
    public static string PageOf(FollowedItem item) =>
        $"/cities/{item.City}/{(item.Kind == FollowedKind.Concern ? "concerns" : "commitments")}/{item.Id}";

    /// <summary>
    /// The resource key of the item's latest change: for a concern the status it moved to, for a commitment the
    /// kind of its last timeline entry.
    /// </summary>
    public static string ChangeKey(FollowedItem item) => item.Kind == FollowedKind.Concern ? Key(item.LatestChange.Kind) : item.LatestChange.Kind switch
    {
        "published" => "Published",
        "progressReported" => "Progress reported",
        "milestonePlanned" => "Milestone planned",
        "deadlineChanged" => "Deadline changed",
        "originLinked" => "Linked to what it answers",
        var other => Key(other), // fulfilled, abandoned, overdue: the status names
    };

    /// <summary>The API's camelCase status or kind (<c>onTrack</c>) as the resource key of its enum name (<c>OnTrack</c>).</summary>
    public static string Key(string camel) => camel.Length == 0 ? camel : char.ToUpperInvariant(camel[0]) + camel[1..];
}
