using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Settings of the HTTP front (<c>Platform:Http</c>): behind a TLS proxy, which proxies are trusted to say the
/// client's address and scheme, and whether cookies are sent over HTTPS only.
/// </summary>
public sealed class HttpOptions
{
    /// <summary>
    /// Networks (CIDR, such as <c>10.0.0.0/8</c>) of the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
    /// are believed, besides the machine itself (loopback, as HAProxy in <c>deploy/cluster</c>). Anyone else's are ignored,
    /// so a client cannot claim another address (rate limits go by address) or claim HTTPS.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Cookies (sign-in, antiforgery, language) carry <c>Secure</c>: sent over HTTPS only. Default: on in every environment
    /// but Development; a test host served over plain HTTP on loopback turns it off.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>Whether cookies are marked <c>Secure</c> in <paramref name="environment"/>.</summary>
    public bool SecureCookiesIn(IHostEnvironment environment) => SecureCookies ?? !environment.IsDevelopment();
}

/// <summary>
/// The platform behind a TLS proxy and in front of browsers: forwarded headers from trusted proxies only, HSTS outside
/// Development, <c>Secure</c> cookies, and the usual security headers on every answer, with a Content-Security-Policy
/// on pages that lets their own scripts and styles run and nothing else.
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// The pages' policy: scripts, connections (the live hub's WebSocket) and everything else from the platform itself
    /// only; style attributes are allowed (progress bars set their width inline; the annual report carries its style).
    /// No page may be framed, no form may post elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, HttpOptions options, IHostEnvironment environment)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in options.TrustedProxies)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network)); // loopback is known by default
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // a city's other sites under the same domain are not ours to pin
        });
        var secure = options.SecureCookiesIn(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<CookiePolicyOptions>(o => o.Secure = secure);
        return services;
    }

    /// <summary>Forwarded headers first (so the scheme and address are the client's), then HSTS and the headers.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // sent on HTTPS answers only
        app.UseCookiePolicy();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages only: the API reference (/api/reference) runs its own scripts, JSON answers need none.
            if (!Web.WebSetup.IsApi(context.Request.Path)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
        return app;
    }
}
