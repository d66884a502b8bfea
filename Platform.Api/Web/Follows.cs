using Microsoft.AspNetCore.Authentication;
using Platform.Api.Following;

namespace Platform.Api.Web;

/// <summary>
/// The "Follow" / "Stop following" button of the concern and commitment pages. Whether the visitor follows an
/// item is read from the reader behind <c>GET /api/accounts/me/following</c> (so a commitment followed
/// automatically through a supported concern shows as followed); the button posts to the page, which sends the
/// follow command (<see cref="SetFollow"/>) to <see cref="FollowHandler"/>, as the API does, with a session of the city.
/// </summary>
public static class Follows
{
    /// <summary>The visitor may see the button: anonymous visitors (asked to sign in) and residents of the city (any role there).</summary>
    public static bool MayFollow(this ClaimsPrincipal user, string city) => !user.IsSignedIn() || user.IsMemberOf(city);

    /// <summary>The signed-in resident follows the item now (explicitly, or automatically for a commitment).</summary>
    public static async Task<bool> FollowsAsync(this FollowingReader reader, ClaimsPrincipal user, string city, FollowedKind kind, Guid id,
        CancellationToken cancellation) =>
        user.IsSignedIn() && user.IsMemberOf(city)
        && (await reader.ListAsync(user.AccountId(), [city], cancellation)).Any(item => item.Kind == kind && item.Id == id);

    /// <summary>
    /// A follow (<paramref name="following"/>) or unfollow post of the page's item: anonymous visitors go to sign in and
    /// come back to the page (<paramref name="address"/>); others than residents of the city, and the handler's refusals,
    /// are shown on the page (<paramref name="reload"/> loads it again); success redirects to the page with the confirmation.
    /// </summary>
    public static Task<IActionResult> SetAsync(this CityPageModel page, string address, IAuthorizationService authorization, IDocumentStore store,
        IStringLocalizer<Text> text, FollowHandler handler, FollowedKind kind, Guid itemId, bool following, string confirmation, Func<Task<bool>> reload) =>
        page.SetAsync(address, authorization, store, text, async session =>
        {
            var written = await handler.Handle(SetFollow.By(page.User, page.CitySlug, kind, itemId, following), session, page.HttpContext.RequestAborted);
            return written.IsRefused ? written.Problem : Results.NoContent();
        }, confirmation, reload);

    /// <summary>
    /// A follow or unfollow post: anonymous visitors go to sign in and come back to the page (<paramref name="address"/>);
    /// others than residents of the city, and the endpoint's refusals, are shown on the page (<paramref name="reload"/>
    /// loads it again); success redirects to the page with the confirmation.
    /// </summary>
    public static async Task<IActionResult> SetAsync(this CityPageModel page, string address, IAuthorizationService authorization, IDocumentStore store,
        IStringLocalizer<Text> text, Func<IDocumentSession, Task<IResult>> endpoint, string confirmation, Func<Task<bool>> reload)
    {
        if (!page.User.IsSignedIn()) return page.Challenge(new AuthenticationProperties { RedirectUri = address });
        if (!(await authorization.AuthorizeAsync(page.User, page.HttpContext, Policies.Resident)).Succeeded)
            page.ModelState.AddModelError("", text["Only residents of {0} can follow its concerns and commitments.", page.City.Name()]);
        else
        {
            page.ModelState.Clear(); // the endpoint decides
            IResult answer;
            await using (var session = store.LightweightSession(page.CitySlug))
                answer = await endpoint(session);
            if (answer.Problem() is not { } problem)
            {
                page.TempData.Confirm(confirmation);
                return new RedirectResult(address);
            }
            problem.AddTo(page.ModelState, text);
        }
        return await reload() ? page.Page() : page.NotFound();
    }
}
