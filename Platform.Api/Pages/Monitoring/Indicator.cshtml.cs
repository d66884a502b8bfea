using Platform.Api.Monitoring;
using Platform.Domain.Monitoring;

namespace Platform.Api.Pages.Monitoring;

/// <summary>One value of a series as the API's series endpoint gives it.</summary>
public sealed record SeriesValue(string Period, IReadOnlyDictionary<string, string> Groups, double Value, SourceKind Source, string? MethodNote,
    string? CorrectionReason)
{
    public bool IsHeadline => Groups.Count == 0;
}

/// <summary>
/// One indicator of the city: its series as a chart with the table of the same values, baseline, target, status and
/// gaps (read as the API reads them); officials of the city record a value here with the command the API sends.
/// </summary>
[CachedForVisitors]
public sealed class IndicatorModel(CityDirectory directory, IDocumentStore store, IAuthorizationService authorization, MonitoringHandler handler,
    MonitoringReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public string Code => RouteCode;

    [BindProperty] public string? Period { get; set; }
    [BindProperty(Name = "value")] public string? ValueText { get; set; }
    [BindProperty] public string? Dimension { get; set; }
    [BindProperty] public string? Group { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? MethodNote { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SeriesDetails Series { get; private set; } = null!;
    public IReadOnlyList<SeriesValue> Values { get; private set; } = [];
    /// <summary>The definition values are checked against (the catalogue's current revision, or the local indicator's own).</summary>
    public IndicatorDefinition Definition { get; private set; } = null!;
    public bool IsOfficial { get; private set; }
    /// <summary>Computed by the platform from its concern records: no value is typed in here.</summary>
    public bool Computed => PlatformIndicators.IsComputed(Series.Code);
    /// <summary>The correction reason field shows once the API said the period and group have a value already (or one was given).</summary>
    public bool AsksReason { get; private set; }

    public SeriesUnit Unit => new(Series.Unit, Series.UnitKind);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the endpoint decides what is valid, not model binding
        var here = $"/cities/{CitySlug}/indicators/{Code}";
        if (await RefusalAsync(authorization, Policies.Official) is { } refusal) return refusal;

        var number = FormValues.Number(ValueText, "value");
        var dimension = string.IsNullOrWhiteSpace(Dimension) ? null : Dimension.Trim();
        if (dimension is not null && string.IsNullOrWhiteSpace(Group))
        {
            // To the API a blank group is the dimension's total, the headline: the page asks for the group instead of storing that.
            ModelState.AddModelError("group", text["Name the group, or choose no group for the total."]);
            AsksReason = !string.IsNullOrWhiteSpace(Reason);
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        var input = new MeasurementInput(Period, number.Value, null, Blank(Source), Blank(MethodNote),
            dimension is null ? null : new Dictionary<string, string?> { [dimension] = Group },
            null, null, Blank(Reason));
        await using var session = store.LightweightSession(CitySlug);
        var (written, decision) = await handler.Handle(new RecordMeasurement(SeriesStream.Id(CitySlug, Code), Code, User.AccountId(), input), session, cancellation);
        if (written.IsRefused && written.Problem.Problem() is { } problem)
        {
            if (problem.Status == StatusCodes.Status404NotFound) return NotFound();
            problem.AddTo(ModelState, text, field => field.StartsWith("disaggregation", StringComparison.Ordinal) ? "group" : EndpointAnswers.FormField(field));
            if (number.Refusal is not null) // the API says the value is missing; the page says why
            {
                ModelState.Remove("value");
                ModelState.AddModelError("value", text["Write the value as a number, such as 12.5."]);
            }
            AsksReason = ModelState.HasError("reason") || !string.IsNullOrWhiteSpace(Reason);
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        TempData.Confirm(decision!.Events.FirstOrDefault() switch
        {
            MeasurementCorrected => text["The value is corrected."],
            null => text["This value was recorded already; nothing changed."],
            _ => text["The value is recorded."],
        });
        return Redirect(here + "#values-heading");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await reader.GetAsync(session, CitySlug, Code, cancellation) is not { } details) return false;
        Series = details.Series;
        Values = details.Values.Select(v => new SeriesValue(v.Period, v.Disaggregation, v.Value, v.Source, v.MethodNote, v.CorrectionReason)).ToList();
        var series = await reader.SeriesAsync(session, CitySlug, Series.Code, cancellation);
        Definition = await reader.CurrentDefinitionAsync(session, series!, cancellation);
        IsOfficial = User.IsSignedIn() && (await authorization.AuthorizeAsync(User, HttpContext, Policies.Official)).Succeeded;
        return true;
    }

    private static string? Blank(string? input) => string.IsNullOrWhiteSpace(input) ? null : input.Trim();

    /// <summary>The name of a dimension as the page's words key it (migrant-status: "Migrant status").</summary>
    public static string DimensionKey(string dimension) => dimension switch
    {
        "sex" => "Sex",
        "age" => "Age",
        "disability" => "Disability",
        "migrant-status" => "Migrant status",
        "district" => "District",
        "right" => "Right",
        "income" => "Income",
        "motive" => "Motive",
        _ => dimension,
    };

    /// <summary>The sources an official may choose (never the platform's own, which only its computations give).</summary>
    public static readonly SourceKind[] Sources = Enum.GetValues<SourceKind>().Where(s => s != SourceKind.Platform).ToArray();
}
