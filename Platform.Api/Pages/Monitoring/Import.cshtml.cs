using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Monitoring;
using Platform.Api.Web;
using Platform.Domain.Monitoring;

namespace Platform.Api.Pages.Monitoring;

/// <summary>
/// Officials of the city upload a file in the Open SDG layout (a plain multipart form) and it goes to the API's import
/// endpoint method: all rows or none; a refusal shows the endpoint's row-by-row report (line, column, problem).
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class ImportModel(CityDirectory directory, IDocumentStore store, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
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

        // The endpoint reads the file as the body of its request (text/csv), as it does for an API client.
        var request = new DefaultHttpContext().Request;
        request.ContentType = "text/csv";
        await using var body = Upload.OpenReadStream();
        request.Body = body;
        await using var session = store.LightweightSession(CitySlug);
        var answer = await MeasurementEndpoints.Import(CitySlug, Code, Blank(Source), Blank(MethodNote), Blank(Reason), request, User, session, clock, cancellation);

        if (answer.Problem() is { } problem)
        {
            if (problem.Status == StatusCodes.Status404NotFound) return NotFound();
            if (problem.Extensions.TryGetValue("problems", out var listed) && listed is IEnumerable<ImportProblem> problems)
            {
                Problems = problems.ToList();
                ProblemCount = problem.Extensions.TryGetValue("problemCount", out var count) && count is int n ? n : Problems.Count;
                ModelState.AddModelError("problems", text[problem.Title ?? "Some rows cannot be imported; nothing was stored."]);
            }
            else problem.AddTo(ModelState, text);
            return Page();
        }

        dynamic imported = ((IValueHttpResult)answer).Value!;
        TempData.Confirm(text["The file is imported: {0} values recorded, {1} unchanged.", Display.Count((int)imported.Imported), Display.Count((int)imported.Unchanged)]);
        var location = $"/cities/{CitySlug}/indicators/{Code}";
        // The progress script sends the form itself and goes to the page once the file is in.
        if (Request.Headers.XRequestedWith == "XMLHttpRequest") return new JsonResult(new { location });
        return Redirect(location);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var series = await session.LoadAsync<IndicatorSeries>(SeriesStream.Id(CitySlug, Code), cancellation);
        if (series is null) return false;
        Series = series;
        return true;
    }

    private static string? Blank(string? input) => string.IsNullOrWhiteSpace(input) ? null : input.Trim();
}
