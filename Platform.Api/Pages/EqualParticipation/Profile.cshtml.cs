using Platform.Api.EqualParticipation;

namespace Platform.Api.Pages.EqualParticipation;

/// <summary>
/// The signed-in person's participation profile as a plain form (docs/participation.md): each answer optional, saved
/// only with the consent box ticked, withdrawn whole with one button. The form goes to the <see cref="ProfileHandler"/> the API uses.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProfileModel(ProfileHandler handler, IStringLocalizer<Text> text) : PageModel
{
    public ProfileDetails Profile { get; private set; } = ProfileDetails.None;

    public async Task OnGetAsync(CancellationToken cancellation) => Profile = await handler.ReadAsync(User.AccountId(), cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var form = Request.Form;
        var request = new ProfileRequest(form["consent"] == "true", Answer(form["ageBand"]), Answer(form["gender"]), YesNo(form["disability"]),
            YesNo(form["migrantBackground"]), Answer(form["district"]));
        var (saved, errors) = await handler.SaveAsync(User.AccountId(), request, cancellation);
        if (saved is not null)
        {
            TempData.Confirm(text["Participation.Profile.Saved"]);
            return RedirectToPage();
        }
        ModelState.Clear();
        Problems.From(errors).AddTo(ModelState, text);
        Profile = new ProfileDetails(false, request.AgeBand, request.Gender, request.Disability, request.MigrantBackground, request.District, null);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellation)
    {
        await handler.WithdrawAsync(User.AccountId(), cancellation);
        TempData.Confirm(text["Participation.Profile.Withdrawn"]);
        return RedirectToPage();
    }

    /// <summary>A radio's value: empty ("I prefer not to say") is no answer.</summary>
    private static string? Answer(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A yes/no radio: anything else is "not said".</summary>
    private static bool? YesNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };
}
