using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Proposals;
using Platform.Api.Web;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;

namespace Platform.Api.Pages.Proposals;

/// <summary>One proposal with its supports against the threshold and the council's decision; support and withdraw through the API's endpoint methods.</summary>
public sealed class ProposalDetailModel(CityDirectory directory, IDocumentStore store, ProposalReader reader, ProposalThreshold threshold,
    IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ProposalResponse? Proposal { get; private set; }
    public bool Supporting { get; private set; }
    public bool AcceptsSupport => Proposal?.Status is ProposalStatus.Open or ProposalStatus.ThresholdReached;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupportAsync(CancellationToken cancellation) =>
        ActAsync(session => SupportProposalEndpoint.Post(Id, CitySlug, User, Cities, session, threshold, clock, cancellation),
            text["Thank you: your support is counted."], cancellation);

    public Task<IActionResult> OnPostWithdrawSupportAsync(CancellationToken cancellation) =>
        ActAsync(session => SupportProposalEndpoint.Delete(Id, User, session, clock, cancellation),
            text["Your support is withdrawn."], cancellation);

    private async Task<IActionResult> ActAsync(Func<IDocumentSession, Task<IResult>> endpoint, string confirmation, CancellationToken cancellation)
    {
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/proposals/{Id}" });
        if (!(await authorization.AuthorizeAsync(User, HttpContext, Policies.Resident)).Succeeded)
        {
            ModelState.AddModelError("", text["Only residents of {0} can support its proposals.", City.Name()]);
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
        var answer = await GetProposalEndpoints.Get(Id, CitySlug, User, session, reader, cancellation);
        Proposal = answer.Value<ProposalResponse>();
        if (Proposal is null) return false;
        if (User.IsSignedIn())
            Supporting = await session.Events.AggregateStreamAsync<ResidentSupport>(SupportStream.Id(Id, User.ResidentId()), token: cancellation) is { Active: true };
        return true;
    }
}
