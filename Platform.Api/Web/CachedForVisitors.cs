using Platform.Api.Web.PageCache;

namespace Platform.Api.Web;

/// <summary>
/// Marks a page whose anonymous view may be served from the page cache: everything it shows an anonymous visitor comes
/// from the route, the query, the language and the views of its city (or of the network), whose changes the cache hears.
/// Its anonymous view renders no antiforgery token (forms of signed-in visitors only): a page that renders one anyway
/// is not kept (<see cref="VisitorPagePolicy"/>; docs/page-cache.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CachedForVisitorsAttribute : Attribute;

/// <summary>What a page tells the page cache about its own content.</summary>
public static class VisitorPageTime
{
    /// <summary>
    /// The page shows something that changes by itself at <paramref name="moment"/> (a consultation that starts taking
    /// answers): its cached copy is served until then at most. Nothing happens for pages not being cached.
    /// </summary>
    public static void ChangesAt(this HttpContext http, DateTimeOffset? moment, DateTimeOffset now)
    {
        if (moment is not { } at || at <= now || http.Features.Get<PageRender>() is not { } render) return;
        if (at < render.Until) render.Until = at;
    }
}
