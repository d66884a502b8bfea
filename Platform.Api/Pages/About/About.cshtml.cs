
namespace Platform.Api.Pages.About;

/// <summary>The privacy notice (what the platform holds, who sees it, the resident's rights), linked from every page's footer.</summary>
[CachedForVisitors]
public sealed class PrivacyModel : PageModel
{
    public void OnGet() { }
}

/// <summary>The accessibility statement (the standard aimed at, how it is checked, what is not accessible yet), linked from every page's footer.</summary>
[CachedForVisitors]
public sealed class AccessibilityModel : PageModel
{
    public void OnGet() { }
}
