using Microsoft.AspNetCore.Authentication;
using Platform.Api.Commitments;
using Platform.Api.Participation;
using Platform.Api.TownHalls;
using Platform.Domain.TownHalls;

namespace Platform.Api.Pages.TownHalls;

/// <summary>
/// One town hall as the public sees it, and the state the big screen shows (<see cref="TownHallScreenModel"/>
/// derives from it): the API's <c>GET .../town-halls/{id}</c> answer and the titles of the commitments made there.
/// </summary>
public class TownHallDetailModel(CityDirectory directory, IDocumentStore store, TownHallReader reader, CommitmentReader commitments) : CityPageModel(directory)
{
    public Guid Id => RouteId;

    public TownHallDetails TownHall { get; private set; } = null!;
    public IReadOnlyList<CommitmentDetails> Commitments { get; private set; } = [];

    protected IDocumentStore Store => store;
    protected TownHallReader Reader => reader;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    protected async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await reader.FindAsync(session, CitySlug, Id, cancellation) is not { } details) return false;
        TownHall = details;
        var made = new List<CommitmentDetails>();
        foreach (var id in details.CommitmentIds)
            if (await commitments.LoadAsync(session, CitySlug, id, cancellation) is { } commitment) made.Add(commitment);
        Commitments = made;
        await LoadVisitorAsync(session, cancellation);
        return true;
    }

    /// <summary>What the page shows of the visitor themselves (the public page: their vote), read in the same session.</summary>
    protected virtual Task LoadVisitorAsync(IQuerySession session, CancellationToken cancellation) => Task.CompletedTask;
}

/// <summary>
/// The town-hall page (<see cref="TownHallDetailModel"/>) with what officials of the city do there, through the town
/// hall's handler: open the town hall, open a poll, close it, close the town hall with its minutes.
/// </summary>
[CachedForVisitors]
public sealed class TownHallPageModel(CityDirectory directory, IDocumentStore documentStore, TownHallReader townHallReader, CommitmentReader commitments,
    TownHallHandler handler, IAuthorizationService authorization, ParticipationHandler participation, IStringLocalizer<Text> text)
    : TownHallDetailModel(directory, documentStore, townHallReader, commitments)
{
    /// <summary>The vote form's field: the chosen option's index (the API's field name).</summary>
    public const string OptionField = "option";

    /// <summary>The resident's vote in the current poll (the API's <c>GET .../votes/mine</c>), or null.</summary>
    public MyVote? Vote { get; private set; }

    /// <summary>A poll takes votes now.</summary>
    public bool PollOpen => TownHall.Status == TownHallStatus.Open && TownHall.CurrentPoll is { Open: true };

    /// <summary>The vote form shows: a poll is open, the visitor is a resident of the city and has not voted in it.</summary>
    public bool MayVote => PollOpen && User.IsMemberOf(CitySlug) && Vote is null;

    protected override async Task LoadVisitorAsync(IQuerySession session, CancellationToken cancellation)
    {
        Vote = null;
        if (TownHall.CurrentPoll is { } poll && User.IsMemberOf(CitySlug))
            Vote = await Reader.MyVoteAsync(session, Id, poll.Id, User.ParticipantId(), cancellation);
    }

    /// <summary>
    /// A resident votes in the open poll through the participation handler, as the API does: one vote per resident per
    /// poll, verified residency where the city asks for it. Every refusal (no option chosen, a second vote, a closed
    /// poll, residency) is shown next to the options.
    /// </summary>
    public async Task<IActionResult> OnPostVoteAsync(CancellationToken cancellation)
    {
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/town-halls/{Id}" });
        ModelState.Clear();
        if (!(await authorization.AuthorizeAsync(User, HttpContext, Policies.Resident)).Succeeded)
            ModelState.AddModelError(OptionField, text["Only residents of {0} can vote in its town halls.", City.Name()]);
        else
        {
            var poll = Guid.TryParse(Posted("pollId"), out var pollId) ? pollId : Guid.Empty;
            int? option = int.TryParse(Posted(OptionField), out var chosen) ? chosen : null;
            var vote = new CastVote(Id, poll, User.ParticipantId(), option) { VerifiedResident = User.HoldsRole(CitySlug, CityRole.VerifiedResident), VerifiedEmail = User.HasVerifiedEmail() };
            var answer = (await participation.Handle(vote, CitySlug, scope: null, cancellation)).PageAnswer;
            if (answer.Problem() is not { } problem)
            {
                TempData.Confirm(text["Thank you: your vote is counted."]);
                return RedirectToPage(new { city = CitySlug, id = Id });
            }
            if (problem is ValidationProblemDetails { Errors.Count: > 0 }) problem.AddTo(ModelState, text, _ => OptionField);
            else ModelState.AddModelError(OptionField, text[problem.Title ?? problem.Detail ?? "Something went wrong. Please try again."]);
        }
        return await LoadAsync(cancellation) ? Page() : NotFound();
    }

    /// <summary>The officials' forms are shown.</summary>
    public bool Runs => User.IsOfficialOf(CitySlug) && TownHall.Status != TownHallStatus.Closed;

    /// <summary>A field the official just posted (so a refused form keeps what was written).</summary>
    public string Posted(string field) => Request.HasFormContentType && Request.Form.TryGetValue(field, out var value) ? value.ToString() : "";

    public Task<IActionResult> OnPostOpenAsync(CancellationToken cancellation) =>
        ActAsync(text["The town hall is open."], (session, official) => handler.Handle(new OpenTownHall(Id, official), session, cancellation), cancellation);

    public Task<IActionResult> OnPostPollAsync(CancellationToken cancellation) =>
        ActAsync(text["The poll is open. Residents can vote now."], (session, official) => handler.Handle(
            new OpenPoll(Id, Guid.CreateVersion7(), official, Posted("question"), Officials.Lines(Posted("options")).Select(o => (string?)o).ToList()),
            session, cancellation), cancellation);

    public Task<IActionResult> OnPostClosePollAsync(CancellationToken cancellation) =>
        ActAsync(text["The poll is closed."], (session, official) => handler.Handle(
            new ClosePoll(Id, Guid.TryParse(Posted("pollId"), out var poll) ? poll : Guid.Empty, official), session, cancellation), cancellation);

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellation)
    {
        var (ids, unreadable) = Officials.Ids(Posted("commitmentIds"));
        if (unreadable.Count > 0)
        {
            if (await RefusalAsync(authorization, Policies.Official) is { } refused) return refused;
            if (!await LoadAsync(cancellation)) return NotFound();
            foreach (var piece in unreadable) ModelState.AddModelError("commitmentIds", text["'{0}' is not the id or address of a commitment.", piece]);
            return Page();
        }
        return await ActAsync(text["The town hall is closed. Its minutes are public."], (session, official) =>
            handler.Handle(new CloseTownHall(Id, official, Posted("minutes"), ids), session, cancellation), cancellation);
    }

    /// <summary>An official's write: the official check, the command (given the session and the official's id), then the answer on the page.</summary>
    private async Task<IActionResult> ActAsync(string confirmation, Func<IDocumentSession, Guid, Task<Written>> act, CancellationToken cancellation)
    {
        if (await RefusalAsync(authorization, Policies.Official) is { } refused) return refused;
        Written written;
        await using (var session = Store.LightweightSession(CitySlug))
            written = await act(session, User.AccountId());
        return await ShowAnswerAsync(written, confirmation, () => LoadAsync(cancellation), text);
    }
}
