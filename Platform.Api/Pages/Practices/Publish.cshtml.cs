using Platform.Api.Commitments;
using Platform.Api.GoodPractices;
using Platform.Api.Monitoring;
using Platform.Domain.GoodPractices;

namespace Platform.Api.Pages.Practices;

/// <summary>An official publishes a good practice of the city through <see cref="GoodPracticeHandler"/>, as the API does. Same policy as the endpoint.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class PublishPracticeModel(CityDirectory directory, IDocumentStore store, MonitoringReader monitoring, CommitmentReader commitments,
    GoodPracticeHandler handler, IStringLocalizer<Text> text) : PracticeFormModel(directory, store, monitoring, commitments)
{
    public Task OnGetAsync(CancellationToken cancellation) => LoadChoicesAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        var id = Guid.CreateVersion7();
        Written written;
        await using (var session = Store.LightweightSession(CitySlug))
            written = UnreadableCommitment() ?? await handler.Handle(new PublishPractice(id, CitySlug, User.AccountId(), Input()), session, cancellation);
        if (written.IsRefused)
        {
            written.Problem.Problem()!.AddTo(ModelState, text);
            await LoadChoicesAsync(cancellation);
            return Page();
        }
        TempData.Confirm(text["Knowledge.Practice.Published"]);
        return Redirect($"/cities/{CitySlug}/practices");
    }
}
