using Platform.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Cities;
using Platform.Api.Concerns;
using Platform.Api.Consultations;
using Platform.Api.Web;

namespace Platform.Api.Pages.Consultations;

/// <summary>A city's consultations (drafts only for its officials, as in the API).</summary>
public sealed class ConsultationListModel(CityDirectory directory, IDocumentStore store, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public Paged<ConsultationDetails>? Results { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var answer = await GetConsultationEndpoints.List(CitySlug, page, 50, User, session, cancellation);
        if (answer.Problem() is { } problem) problem.AddTo(ModelState, text);
        else Results = answer.Value<Paged<ConsultationDetails>>();
    }
}
