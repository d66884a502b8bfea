using Platform.Api.Consultations;

namespace Platform.Api.Pages.Consultations;

/// <summary>A city's consultations (drafts only for its officials, as in the API).</summary>
[CachedForVisitors]
public sealed class ConsultationListModel(CityDirectory directory, IDocumentStore store, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const int PageSize = 50;

    public Paged<ConsultationDetails>? Results { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var number = page ?? 1;
        var errors = new List<DomainError>();
        Paging.Check(number, PageSize, PageSize, errors);
        if (errors.Count > 0) Problems.Result(errors).Problem()!.AddTo(ModelState, text);
        else Results = await ConsultationReader.ListAsync(session, CitySlug, number, PageSize, User, cancellation);
    }
}
