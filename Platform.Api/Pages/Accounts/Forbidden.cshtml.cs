
namespace Platform.Api.Pages.Accounts;

/// <summary>Where the cookie sends a signed-in visitor who lacks the role in that city.</summary>
public sealed class ForbiddenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
