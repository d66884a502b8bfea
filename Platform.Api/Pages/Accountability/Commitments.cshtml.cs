using Platform.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Cities;
using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.Web;
using Platform.Domain.Commitments;

namespace Platform.Api.Pages.Accountability;

/// <summary>A city's commitments with their progress, filtered by status, through the API's list endpoint method.</summary>
public sealed class CommitmentsModel(CityDirectory directory, IDocumentStore store, CommitmentReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const int PageSize = 20;

    [BindProperty(Name = "status", SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<CommitmentDetails>? Commitments { get; private set; }

    public static readonly CommitmentStatus[] Statuses = Enum.GetValues<CommitmentStatus>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var status = string.IsNullOrEmpty(Status) ? null : Status;
        var answer = await GetCommitmentEndpoints.List(CitySlug, status, null, null, null, null, null, PageNumber, PageSize, session, reader, cancellation);
        Commitments = answer.Value<Paged<CommitmentDetails>>();
        if (answer.Problem() is { } problem) problem.AddTo(ModelState, text);
        return Page();
    }

    public string PageUrl(int number) =>
        $"/cities/{CitySlug}/commitments?page={number}" + (string.IsNullOrEmpty(Status) ? "" : $"&status={Uri.EscapeDataString(Status)}");

    /// <summary>The API's name of a status in a query (onTrack).</summary>
    public static string QueryName(CommitmentStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];
}
