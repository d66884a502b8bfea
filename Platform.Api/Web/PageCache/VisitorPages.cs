using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Platform.Api.Web.PageCache;

/// <summary>
/// The output cache policy of the pages: it applies to pages marked <see cref="CachedForVisitorsAttribute"/>, and to
/// requests of anonymous visitors only (<see cref="IsAnonymous"/>). The key is the method, scheme, host, exact path and
/// raw query, and the request's languages (culture and UI culture, from the language cookie or Accept-Language); the
/// entry is stamped with the generations of the page's scope (<see cref="PageStamp"/>) taken before the page reads
/// anything. A response is kept only when it is a 200 without Set-Cookie and without <c>no-store</c> or <c>private</c>
/// (an antiforgery token sets <c>no-store</c>), and when nothing of its scope changed while it was rendered.
/// A request saying <c>Cache-Control: no-cache</c> is rendered afresh and not kept (the pages benchmark's baseline).
/// </summary>
public sealed class VisitorPagePolicy(PageGenerations generations, PageCacheOptions options, TimeProvider clock,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, IOptions<CookieTempDataProviderOptions> tempData) : IOutputCachePolicy
{
    /// <summary>What a cached page's answer says to browsers and proxies: it may change at any moment (revalidate), and differs by language and sign-in.</summary>
    public const string VisitorCacheControl = "no-cache";
    public const string SignedInCacheControl = "private, no-cache";
    public const string Vary = "Accept-Language, Cookie, Authorization";

    private readonly string _signInCookie = cookies.Get(AccountsSetup.CookieScheme).Cookie.Name ?? ".AspNetCore.Cookies";
    private readonly string _tempDataCookie = tempData.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        context.EnableOutputCaching = false;
        if (http.GetEndpoint()?.Metadata.GetMetadata<CachedForVisitorsAttribute>() is null) return ValueTask.CompletedTask;

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return ValueTask.CompletedTask;

        var anonymous = IsAnonymous(http);
        http.Response.Headers.CacheControl = anonymous ? VisitorCacheControl : SignedInCacheControl;
        http.Response.Headers.Vary = Vary;
        if (!anonymous || !options.Cache) return ValueTask.CompletedTask;
        // A named handler (a screen's ?handler=Live section, fetched when a push arrives) is read right after a change,
        // possibly before this node heard of it from another: always rendered.
        if (http.Request.Query.ContainsKey("handler")) return ValueTask.CompletedTask;

        var fresh = HeaderUtilities.ContainsCacheDirective(http.Request.Headers.CacheControl, CacheControlHeaderValue.NoCacheString);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = !fresh;
        context.AllowCacheStorage = !fresh;
        // No waiting on another request's render of the same page: a render that began before a change must not be handed
        // to requests that arrive after it.
        context.AllowLocking = false;
        context.ResponseExpirationTimeSpan = options.MaxAge;
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentCulture.Name + "|" + CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["query"] = http.Request.QueryString.Value ?? "";

        var stamp = generations.Stamp(RequestCity.Of(http) is { Length: > 0 } city ? PageScopes.City(city) : PageScopes.Network);
        http.Features.Set(new PageRender(stamp));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        if (http.Features.Get<PageRender>() is not { } render
            || response.StatusCode != StatusCodes.Status200OK
            || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || HeaderUtilities.ContainsCacheDirective(response.Headers.CacheControl, CacheControlHeaderValue.NoStoreString)
            || HeaderUtilities.ContainsCacheDirective(response.Headers.CacheControl, CacheControlHeaderValue.PrivateString)
            || render.AntiforgeryToken
            || !generations.IsCurrent(render.Stamp)
            || render.Until <= clock.GetUtcNow())
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        context.Tags.Add((render.Stamp with { Until = render.Until }).ToTag());
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A request of someone not signed in: no Authorization header, no sign-in cookie (even an expired one), no
    /// one-time message waiting for them (TempData), and no identity after authentication. Only these read or fill the cache.
    /// </summary>
    public bool IsAnonymous(HttpContext http)
    {
        var request = http.Request;
        if (request.Headers.ContainsKey(HeaderNames.Authorization)) return false;
        foreach (var name in request.Cookies.Keys)
            if (name.StartsWith(_signInCookie, StringComparison.Ordinal) || name == _tempDataCookie) return false;
        return http.User.Identity?.IsAuthenticated != true;
    }
}

/// <summary>The page render the cache follows: the stamp taken before it began, and until when its content holds (<see cref="VisitorPageTime"/>).</summary>
public sealed class PageRender(PageStamp stamp)
{
    public PageStamp Stamp { get; } = stamp;
    public DateTimeOffset Until { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>The page rendered an antiforgery token: it belongs to this visitor's cookie, never to be served to another.</summary>
    public bool AntiforgeryToken { get; set; }
}
