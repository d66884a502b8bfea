using Platform.Api.Monitoring;
using Platform.Domain.Monitoring;

namespace Platform.Api.Pages.Monitoring;

/// <summary>
/// Officials of the city upload a file in the Open SDG layout (a plain multipart form) and it goes to the import
/// command the API sends too: all rows or none; a refusal shows the row-by-row report (line, column, problem).
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class ImportModel(CityDirectory directory, IDocumentStore store, MonitoringHandler handler, MonitoringReader reader, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    public string Code => RouteCode;
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? MethodNote { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IndicatorSeries Series { get; private set; } = null!;
    /// <summary>The endpoint's report when it refused the file (at most 1,000 problems, all counted in <see cref="ProblemCount"/>).</summary>
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public int ProblemCount { get; private set; }
    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the endpoint decides what is valid, not model binding
        if (!await LoadAsync(cancellation)) return NotFound();
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError("file", text["Choose a CSV file to import."]);
            return Page();
        }
        FileName = Upload.FileName;

        string? file;
        await using (var body = Upload.OpenReadStream())
            file = await ImportReport.ReadAsync(body, Upload.Length, cancellation);
        if (file is null)
        {
            ModelState.AddModelError("file", text["Import.TooLarge", Display.Count(MonitoringRules.MaxImportBytes / (1024 * 1024))]);
            return Page();
        }
        var command = ImportReport.Command(CitySlug, Code, User.AccountId(), file, Blank(Source), Blank(MethodNote), Blank(Reason));
        await using var session = store.LightweightSession(CitySlug);
        var (written, decision) = await handler.Handle(command, session, cancellation);

        if (written.IsRefused)
        {
            var problems = ImportReport.Problems(written);
            if (problems.Count > 0)
            {
                Problems = problems.Take(ImportReport.Listed).ToList();
                ProblemCount = problems.Count;
                ModelState.AddModelError("problems", text[written.Errors[0].Kind == ErrorKind.Invalid ? "The file is not in the Open SDG layout." : "Some rows cannot be imported; nothing was stored."]);
                return Page();
            }
            if (written.Errors.Any(e => e.Kind == ErrorKind.NotFound)) return NotFound();
            written.Problem.Problem()!.AddTo(ModelState, text);
            return Page();
        }

        TempData.Confirm(text["The file is imported: {0} values recorded, {1} unchanged.",
            Display.Count(MeasurementImport.Imported(decision!)), Display.Count(MeasurementImport.Unchanged(command, decision!))]);
        var location = $"/cities/{CitySlug}/indicators/{Code}";
        // The progress script sends the form itself and goes to the page once the file is in.
        if (Request.Headers.XRequestedWith == "XMLHttpRequest") return new JsonResult(new { location });
        return Redirect(location);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var series = await reader.SeriesAsync(session, CitySlug, Code, cancellation);
        if (series is null) return false;
        Series = series;
        return true;
    }

    private static string? Blank(string? input) => string.IsNullOrWhiteSpace(input) ? null : input.Trim();
}
