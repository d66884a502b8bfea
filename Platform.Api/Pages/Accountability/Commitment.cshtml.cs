using Marten;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Cities;
using Platform.Api.Commitments;
using Platform.Api.Web;

namespace Platform.Api.Pages.Accountability;

/// <summary>One commitment: progress, milestones, sub-commitments and its whole timeline, through the API's endpoint method.</summary>
public sealed class CommitmentModel(CityDirectory directory, IDocumentStore store, CommitmentReader reader) : CityPageModel(directory)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public CommitmentDetails Commitment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var answer = await GetCommitmentEndpoints.Get(Id, CitySlug, session, reader, cancellation);
        if (answer.Value<CommitmentDetails>() is not { } commitment) return NotFound();
        Commitment = commitment;
        return Page();
    }

    /// <summary>Where an origin is shown on these pages (concerns and proposals have pages; the rest link to the API).</summary>
    public string OriginHref(OriginLink origin) => origin.Kind switch
    {
        "concern" => $"/cities/{CitySlug}/concerns/{origin.Id}",
        "proposal" => $"/cities/{CitySlug}/proposals/{origin.Id}",
        "townHall" => $"/cities/{CitySlug}/town-halls/{origin.Id}",
        _ => origin.Href,
    };
}
