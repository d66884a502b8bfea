using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Platform.Api.Accounts;

namespace Platform.Api.Live;

/// <summary>
/// The short way for the hub's WebSocket requests: a watcher's WebSocket request stays in the pipeline for as long as
/// the connection is open (hours, for a town-hall screen), and every middleware it passed through keeps its state
/// (an awaiting method, the features and headers it attached) as long. Only what the hub needs is on this way: the
/// client's address and scheme from trusted proxies (forwarded headers, as in the main pipeline) and, for a request
/// that carries credentials (an <c>Authorization</c> header or the sign-in cookie), the cookie policy and authentication, so
/// signed-in residents get their own pushes (the inbox). A request with neither cannot be signed in: it skips them and
/// is anonymous, as it would be after them. Then the hub's endpoint runs, found once
/// among the mapped endpoints (routing, for one known path, would keep its own state too).
/// <para>
/// Left out, because they have nothing to do on a WebSocket upgrade of the hub: the security headers and HSTS (a
/// <c>101 Switching Protocols</c> answer has no page), the rate limiter (its limits are on sign-ins, registrations and
/// writes, never on a GET), authorization (the hub has no policy; its methods check what
/// they need), the known-city, empty-id and U+0000 checks (the hub's path has no city or id; its arguments are checked
/// by the hub), the page cache, idempotency keys (writes only), and the pages' status and error pages. Every other
/// request to the hub (negotiation, long polling, server-sent events) takes the main pipeline, with every limit.
/// </para>
/// </summary>
public static class LiveHubPipeline
{
    public static WebApplication UseLiveHubPipeline(this WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>();
        var signInCookie = SignInCookie(app.Services); // read once: asking the request's services would give each a scope to keep
        Endpoint? hubEndpoint = null;
        app.MapWhen(IsHubWebSocket, hub =>
        {
            hub.UseForwardedHeaders(); // the client's address and scheme, from trusted proxies only (HttpHardening)
            hub.UseWhen(context => CarriesCredentials(context, signInCookie), signedIn =>
            {
                signedIn.UseCookiePolicy(); // a sign-in cookie renewed on the way is marked as everywhere (Secure)
                signedIn.UseAuthentication();
            });
            // The hub's own endpoint (mapped with the others in Program.cs), run as the endpoint middleware would.
            hub.Run(context =>
            {
                var endpoint = hubEndpoint ??= HubEndpoint(endpoints);
                context.SetEndpoint(endpoint);
                return endpoint.RequestDelegate!(context);
            });
        });
        return app;
    }

    /// <summary>
    /// The endpoint of the hub's path itself (its connections; negotiation has its own). Refused if it ever asks for
    /// authorization: this way runs no authorization middleware, so such a hub must take the main pipeline instead.
    /// </summary>
    private static Endpoint HubEndpoint(EndpointDataSource endpoints)
    {
        var endpoint = endpoints.Endpoints.OfType<RouteEndpoint>().SingleOrDefault(e => e.RoutePattern.RawText == LiveHub.Path)
            ?? throw new InvalidOperationException($"No endpoint is mapped at {LiveHub.Path}.");
        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null)
            throw new InvalidOperationException($"The hub at {LiveHub.Path} asks for authorization, which its short pipeline does not run.");
        return endpoint;
    }

    /// <summary>A WebSocket upgrade (GET) of the live hub's path.</summary>
    public static bool IsHubWebSocket(HttpContext context) =>
        context.Request.Path.StartsWithSegments(LiveHub.Path)
        && HttpMethods.IsGet(context.Request.Method)
        && context.Request.Headers.Upgrade.ToString().Equals("websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name of the sign-in cookie (<c>hrc.auth</c>, <see cref="AccountsSetup"/>).</summary>
    public static string SignInCookie(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AccountsSetup.CookieScheme).Cookie.Name!;

    /// <summary>
    /// Whether the request could be signed in at all: a bearer token needs the <c>Authorization</c> header, a signed-in
    /// browser sends the sign-in cookie (its first part, when the cookie manager splits it). Other cookies (the
    /// language, antiforgery) sign no one in.
    /// </summary>
    public static bool CarriesCredentials(HttpContext context, string signInCookie)
    {
        if (context.Request.Headers.Authorization.Count > 0) return true;
        foreach (var header in context.Request.Headers.Cookie)
        {
            foreach (var part in (header ?? "").Split(';'))
            {
                var cookie = part.AsSpan().TrimStart();
                if (cookie.StartsWith(signInCookie, StringComparison.Ordinal) && cookie.Length > signInCookie.Length && cookie[signInCookie.Length] == '=') return true;
            }
        }
        return false;
    }
}
