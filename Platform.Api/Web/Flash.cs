using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Platform.Api.Web;

/// <summary>
/// The confirmation shown once after a Post/Redirect/Get ("Your concern was raised."), kept in TempData
/// across the redirect. The layout shows it in a polite live region.
/// </summary>
public static class Flash
{
    private const string Key = "flash";

    public static void Confirm(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    public static string? TakeConfirmation(this ITempDataDictionary tempData) => tempData[Key] as string;
}
