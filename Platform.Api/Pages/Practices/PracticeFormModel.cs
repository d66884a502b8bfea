using Platform.Api.Commitments;
using Platform.Api.Monitoring;
using Platform.Domain.GoodPractices;

namespace Platform.Api.Pages.Practices;

/// <summary>
/// What the publish and edit forms of a good practice share: the fields (named as the API's), the city's indicators and
/// commitments to link, and the input they make. The decider decides what is valid, as it does for the API.
/// </summary>
public abstract class PracticeFormModel(CityDirectory directory, IDocumentStore store, MonitoringReader monitoring, CommitmentReader commitments)
    : CityPageModel(directory)
{
    /// <summary>The store, for the forms' writes in the city's session.</summary>
    protected IDocumentStore Store { get; } = store;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? WhatWasDone { get; set; }
    [BindProperty] public string? Results { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty] public List<string> IndicatorCodes { get; set; } = [];
    [BindProperty] public List<string> CommitmentIds { get; set; } = [];
    [BindProperty] public string? Contact { get; set; }

    /// <summary>The city's indicators (code, name) and commitments (id, title) a practice may link to.</summary>
    public IReadOnlyList<(string Value, string Label)> IndicatorChoices { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> CommitmentChoices { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        await using var session = Store.QuerySession(CitySlug);
        IndicatorChoices = (await monitoring.ListAsync(session, CitySlug, cancellation)).Indicators.Select(i => (i.Code, $"{i.Code} {i.Name}")).ToList();
        var (items, _) = await commitments.ListAsync(session, CitySlug, new CommitmentQuery(PageSize: CommitmentReader.MaxPageSize), cancellation);
        CommitmentChoices = items.Select(c => (c.Id.ToString(), c.Title)).ToList();
    }

    /// <summary>The form as the API's input (its commitments as <see cref="CommitmentsPosted"/> reads them).</summary>
    protected PracticeInput Input() => new(Title, Summary, WhatWasDone, Results, Rights, IndicatorCodes,
        CommitmentsPosted().Select(id => id.Value).ToList(), Contact);

    /// <summary>The refusal of a commitment value that is not an id, at the commitments' field; null when every one is readable.</summary>
    protected Written? UnreadableCommitment() => CommitmentsPosted().Select(id => id.Refusal).FirstOrDefault(refusal => refusal is not null);

    private IEnumerable<Posted<Guid>> CommitmentsPosted() => CommitmentIds.Select((id, i) => FormValues.Id(id, $"commitmentIds[{i}]"));

    protected void Fill(GoodPractices.PracticeDetails practice)
    {
        (Title, Summary, WhatWasDone, Results, Contact) = (practice.Title, practice.Summary, practice.WhatWasDone, practice.Results, practice.Contact);
        Rights = [.. practice.Rights];
        IndicatorCodes = [.. practice.IndicatorCodes];
        CommitmentIds = practice.CommitmentIds.Select(id => id.ToString()).ToList();
    }
}
