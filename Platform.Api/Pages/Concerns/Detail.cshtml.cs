using Platform.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.Web;
using Platform.Domain.Concerns;

namespace Platform.Api.Pages.Concerns;

/// <summary>
/// One concern: status, the council's answer, supports, linked commitments; support and withdraw through
/// the API's support endpoint methods (one resident, one voice is theirs to enforce, not the page's).
/// </summary>
public sealed class ConcernDetailModel(CityDirectory directory, IDocumentStore store, ConcernReader reader, CommitmentReader commitments,
    IAuthorizationService authorization, SupportBatcher batcher, PlatformOptions platform, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ConcernResponse? Concern { get; private set; }
    public bool Supporting { get; private set; }
    public bool AcceptsSupport { get; private set; }
    public IReadOnlyList<CommitmentDetails> Commitments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupportAsync(CancellationToken cancellation) =>
        ActAsync(session => SupportConcernEndpoint.Post(Id, CitySlug, User, Cities, session, batcher, platform, clock, cancellation),
            text["Thank you: your support is counted."], cancellation);

    public Task<IActionResult> OnPostWithdrawSupportAsync(CancellationToken cancellation) =>
        ActAsync(session => SupportConcernEndpoint.Delete(Id, User, session, clock, cancellation),
            text["Your support is withdrawn."], cancellation);

    private async Task<IActionResult> ActAsync(Func<IDocumentSession, Task<IResult>> endpoint, string confirmation, CancellationToken cancellation)
    {
        // Back to the concern after signing in (not to the post handler's URL): the resident then supports it there.
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/concerns/{Id}" });
        if (!(await authorization.AuthorizeAsync(User, HttpContext, Policies.Resident)).Succeeded)
        {
            ModelState.AddModelError("", text["Only residents of {0} can support its concerns.", City.Name()]);
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        await using var session = store.LightweightSession(CitySlug);
        var answer = await endpoint(session);
        if (answer.Problem() is { } problem)
        {
            problem.AddTo(ModelState, text);
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        TempData.Confirm(confirmation);
        return RedirectToPage(new { city = CitySlug, id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await GetConcernEndpoints.Get(Id, CitySlug, User, session, reader, cancellation) is var answer && answer.Problem() is not null) return false;
        Concern = answer.Value<ConcernResponse>();
        if (Concern is null) return false;
        AcceptsSupport = Concern.Status is ConcernStatus.Open or ConcernStatus.Acknowledged or ConcernStatus.Answered;
        if (User.IsSignedIn())
        {
            var support = await session.Events.AggregateStreamAsync<ResidentSupport>(SupportStream.Id(Id, User.ResidentId()), token: cancellation);
            Supporting = support is { Active: true };
        }
        var linked = new List<CommitmentDetails>();
        foreach (var commitmentId in Concern.Commitments)
            if (await commitments.LoadAsync(session, CitySlug, commitmentId, cancellation) is { } commitment) linked.Add(commitment);
        Commitments = linked;
        return true;
    }
}
