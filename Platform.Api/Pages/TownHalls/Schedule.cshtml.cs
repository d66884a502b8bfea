using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.TownHalls;
using Platform.Api.Web;
using Platform.Domain.TownHalls;

namespace Platform.Api.Pages.TownHalls;

/// <summary>An official schedules a town hall through the API's schedule endpoint method; the start is read in the city's time zone.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ScheduleTownHallModel(CityDirectory directory, IDocumentStore store, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? StartsAt { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? District { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        var command = new ScheduleTownHall(Title, Description, Officials.LocalTime(StartsAt, City), Location, District);
        await using var session = store.LightweightSession(CitySlug);
        var answer = await ScheduleTownHallEndpoint.Post(command, CitySlug, User, session, clock, cancellation);
        if (answer.Problem() is { } problem)
        {
            problem.AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["The town hall is scheduled. Open it here when the doors open."]);
        return RedirectToPage("/TownHalls/Detail", new { city = CitySlug, id = answer.Value<ScheduledTownHall>()!.Id });
    }
}
