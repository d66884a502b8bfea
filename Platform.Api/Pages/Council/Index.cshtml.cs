using Platform.Api.Concerns;
using Platform.Api.Proposals;
using Platform.Domain.Council;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;

namespace Platform.Api.Pages.Council;

/// <summary>
/// The council's work queue: the city's concerns that await it (open or acknowledged) and the proposals
/// that reached their threshold and await a decision, most urgent first, each with its deadline. Which ones
/// await the council is the domain's word (<see cref="CouncilQueue"/>); they are read through the readers (pages
/// of 100); the order by deadline is the page's own, as the API lists by recency or supports. Officials of the
/// city, and its moderators (who also see hidden concerns).
/// </summary>
[Authorize(Policy = Policies.Resident)]
public sealed class CouncilQueueModel(CityDirectory directory, ConcernReader concerns, ProposalReader proposals, TimeProvider clock) : CityPageModel(directory)
{
    /// <summary>A deadline this close counts as "due soon".</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromDays(7);

    /// <summary>Stops reading a list after this many pages of 100 (a city with more waiting items has bigger problems than this page).</summary>
    private const int MaxPages = 20;

    /// <summary>The page size of every read (the lists' largest).</summary>
    private const int PageSize = 100;

    public IReadOnlyList<QueuedConcern> Concerns { get; private set; } = [];
    public IReadOnlyList<QueuedProposal> Proposals { get; private set; } = [];
    public IReadOnlyList<ConcernDetails> Hidden { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!User.HoldsRole(CitySlug, CityRole.Official) && !User.HoldsRole(CitySlug, CityRole.Moderator)) return Forbid();
        Now = clock.GetUtcNow();
        var responseDays = City.Settings.ConcernResponseDays;

        var waiting = new List<ConcernDetails>();
        foreach (var status in CouncilQueue.Concerns)
            waiting.AddRange(await AllConcernsAsync(status, cancellation));
        // An open concern has no due date yet: it waits since it was raised, and the city's response days run
        // from then (as the scorecard counts it), so it sorts by its raised date among the due dates.
        Concerns = waiting
            .Select(c => new QueuedConcern(c, c.ResponseDue, c.ResponseDue ?? c.RaisedAt.AddDays(responseDays)))
            .OrderBy(q => q.SortKey).ThenBy(q => q.Concern.RaisedAt)
            .ToList();

        var undecided = new List<ProposalDetails>();
        foreach (var status in CouncilQueue.Proposals)
            undecided.AddRange(await AllAsync(page => proposals.ListAsync(CitySlug, new ProposalQuery(Status: status, Page: page, PageSize: PageSize), User.AccountId(), cancellation)));
        Proposals = undecided
            .Select(p => new QueuedProposal(p, p.DecisionDue))
            .OrderBy(q => q.DecisionDue ?? DateTimeOffset.MaxValue).ThenBy(q => q.Proposal.SubmittedAt)
            .ToList();

        var hidden = new List<ConcernDetails>();
        foreach (var status in CouncilQueue.HiddenConcerns)
            hidden.AddRange(await AllConcernsAsync(status, cancellation));
        Hidden = hidden;
        return Page();
    }

    /// <summary>"Overdue", "Due within 7 days" or nothing, for a deadline.</summary>
    public Urgency UrgencyOf(DateTimeOffset? deadline) =>
        deadline is not { } due ? Urgency.None
        : due < Now ? Urgency.Overdue
        : due - Now <= DueSoon ? Urgency.DueSoon
        : Urgency.None;

    private Task<List<ConcernDetails>> AllConcernsAsync(ConcernStatus status, CancellationToken cancellation) =>
        AllAsync(page => concerns.ListAsync(CitySlug, new ConcernQuery(Status: status, Page: page, PageSize: PageSize), User.AccountId(), cancellation));

    /// <summary>Every item of a list, page by page (up to <see cref="MaxPages"/> pages).</summary>
    private static Task<List<T>> AllAsync<T>(Func<int, Task<(IReadOnlyList<T> Items, long Total)>> page) => Paging.AllAsync(page, PageSize, MaxPages);
}

/// <param name="ResponseDue">The due date the council set when acknowledging it; null while it is open.</param>
/// <param name="SortKey">The due date, or for an open concern the day the city's response days run out.</param>
public sealed record QueuedConcern(ConcernDetails Concern, DateTimeOffset? ResponseDue, DateTimeOffset SortKey);

public sealed record QueuedProposal(ProposalDetails Proposal, DateTimeOffset? DecisionDue);

public enum Urgency { None, DueSoon, Overdue }
