using Platform.Api.TownHalls;
using Platform.Domain.TownHalls;

namespace Platform.Api.Pages.TownHalls;

/// <summary>An official schedules a town hall through the town hall's handler; the start is read in the city's time zone.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ScheduleTownHallModel(CityDirectory directory, IDocumentStore store, TownHallHandler handler, IStringLocalizer<Text> text) : CityPageModel(directory)
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
        var command = new ScheduleTownHall(Guid.CreateVersion7(), User.AccountId(), Title, Description, Officials.LocalTime(StartsAt, City), Location, District);
        await using var session = store.LightweightSession(CitySlug);
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
        {
            Problems.From(written.Errors).AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["The town hall is scheduled. Open it here when the doors open."]);
        return RedirectToPage("/TownHalls/Detail", new { city = CitySlug, id = command.TownHallId });
    }
}
