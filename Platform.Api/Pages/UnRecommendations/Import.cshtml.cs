using Platform.Api.Monitoring;
using Platform.Api.UnRecommendations;
using Platform.Domain.Monitoring;
using Platform.Domain.UnRecommendations;

namespace Platform.Api.Pages.UnRecommendations;

/// <summary>
/// Officials upload a CSV file of UN recommendations (a plain multipart form) and it goes to the import command the API
/// sends too: all rows or none; a refusal shows the row-by-row report (line, column, problem).
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class ImportModel(CityDirectory directory, IDocumentStore store, UnRecommendationHandler handler, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    /// <summary>The report when the file was refused (at most <see cref="ImportReport.Listed"/> problems, all counted in <see cref="ProblemCount"/>).</summary>
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public int ProblemCount { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError("file", text["UnRecommendations.ChooseFile"]);
            return Page();
        }
        FileName = Upload.FileName;
        string? file;
        await using (var body = Upload.OpenReadStream())
            file = await ImportReport.ReadAsync(body, Upload.Length, UnRecommendationRules.MaxImportBytes, cancellation);
        if (file is null)
        {
            ModelState.AddModelError("file", text["UnRecommendations.TooLarge", Display.Count(UnRecommendationRules.MaxImportBytes / (1024 * 1024))]);
            return Page();
        }
        var command = UnRecommendationFiles.Command(CitySlug, User.AccountId(), file);
        await using var session = store.LightweightSession(CitySlug);
        var (written, decision) = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
        {
            var problems = ImportReport.Problems(written);
            if (problems.Count == 0)
            {
                written.Problem.Problem()!.AddTo(ModelState, text);
                return Page();
            }
            Problems = problems.Take(ImportReport.Listed).ToList();
            ProblemCount = problems.Count;
            ModelState.AddModelError("problems", text[written.Errors[0].Kind == ErrorKind.Invalid ? "UnRecommendations.Malformed" : "UnRecommendations.RowsRefused"]);
            return Page();
        }
        var imported = UnRecommendationDecider.Imported(decision!);
        TempData.Confirm(text["UnRecommendations.Imported", Display.Count(imported), Display.Count(command.Rows.Count - imported)]);
        return Redirect($"/cities/{CitySlug}/un-recommendations");
    }
}
