using Microsoft.AspNetCore.Localization;

namespace Platform.Api.Web;

/// <summary>
/// The server-rendered pages (Razor Pages under <c>Pages/</c>): their services, localization and static
/// files. Pages call the same endpoint methods, deciders and readers as the API; nothing here is a
/// second implementation of a rule.
/// </summary>
public static class WebSetup
{
    /// <summary>Languages of the user interface, in the order the switcher shows them; the first is the default.</summary>
    public static readonly string[] Languages = ["en", "fr", "nl", "uk"];

    /// <summary>Each language's name in itself, capitalised as its own culture does ("Français", "Українська"), for the switcher.</summary>
    public static readonly IReadOnlyDictionary<string, string> NativeNames = Languages.ToDictionary(code => code, code =>
    {
        var culture = CultureInfo.GetCultureInfo(code);
        return char.ToUpper(culture.NativeName[0], culture) + culture.NativeName[1..];
    });

    /// <summary>The cookie that remembers the chosen language (ASP.NET Core's culture cookie format).</summary>
    public const string LanguageCookie = "hrc.language";

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, CachingStringLocalizerFactory>();
        services.AddRazorPages();
        services.AddAntiforgery(o => o.Cookie.Name = "hrc.antiforgery");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The chosen language (cookie) wins over the browser's Accept-Language; no query string switch.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = LanguageCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// Static files, and the request's language for everything but the API and the hub: API answers stay
    /// culture-invariant whatever the browser asks for.
    /// </summary>
    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseWhen(context => !IsApi(context.Request.Path), branch =>
        {
            branch.UseRequestLocalization();
            // An empty error answer of a page (404 unknown concern or city) shows the status page, not problem JSON.
            branch.UseStatusCodePagesWithReExecute("/status/{0}");
            // So does a failure: 503 while the database is unavailable (the page asks to try again shortly), else 500.
            branch.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/status/500",
                StatusCodeSelector = e => Infrastructure.DatabaseUnavailable.Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
        });
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    internal static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/open311");
}
