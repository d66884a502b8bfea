
namespace Platform.Api.Pages;

/// <summary>The page shown for an empty error answer of a page (re-executed by the status code pages middleware); keeps the status.</summary>
public sealed class StatusModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int Code { get; set; }

    public void OnGet()
    {
        // Visited directly, the page still answers with the status it describes.
        if (Response.StatusCode == StatusCodes.Status200OK && Code is >= 400 and < 600) Response.StatusCode = Code;
        if (Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = Infrastructure.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
