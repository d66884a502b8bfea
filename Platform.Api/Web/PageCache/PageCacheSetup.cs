using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.OutputCaching;

namespace Platform.Api.Web.PageCache;

/// <summary>The page cache (docs/page-cache.md): registered after the store (it wraps the live notifier the store registered).</summary>
public static class PageCacheSetup
{
    public static IServiceCollection AddPageCache(this IServiceCollection services, PageCacheOptions options, LiveOptions live)
    {
        services.AddSingleton(options);
        // With several nodes, nothing is cached until this node hears the others' changes.
        services.AddSingleton(new PageGenerations(paused: PageCacheBackplane.IsShared(live, options)));
        services.AddSingleton<PageCacheBackplane>();
        services.AddHostedService(provider => provider.GetRequiredService<PageCacheBackplane>());
        services.AddSingleton<PageChanges>();
        services.AddSingleton<PageCacheListener>();
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(provider.GetRequiredService<PageCacheListener>()));
        services.Decorate<ILiveViewNotifier>((provider, inner) =>
            new PageCacheNotifier(inner, provider.GetRequiredService<PageChanges>(), provider.GetRequiredService<LiveViews>()));
        services.Decorate<IAntiforgery>((_, inner) => new VisitorAntiforgery(inner));
        services.Decorate<ITempDataProvider>((provider, inner) =>
            new QuietTempData(inner, provider.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name ?? CookieTempDataProvider.CookieName));

        services.AddOutputCache();
        services.AddSingleton<PageCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<PageCacheStore>());
        services.AddSingleton<VisitorPagePolicy>();
        services.AddOptions<OutputCacheOptions>().Configure<VisitorPagePolicy>((o, policy) =>
        {
            o.UseCaseSensitivePaths = true; // /cities/York is not /cities/york
            o.AddBasePolicy(policy);
        });
        return services;
    }

    /// <summary>
    /// After authentication (the policy asks who the visitor is) and the checks that refuse a request before any page runs;
    /// for pages only: API, hub and health requests skip the output cache's middleware altogether.
    /// </summary>
    public static WebApplication UsePageCache(this WebApplication app)
    {
        app.UseWhen(context => !WebSetup.IsApi(context.Request.Path), pages => pages.UseOutputCache());
        return app;
    }

    /// <summary>Replaces the registration of <typeparamref name="TService"/> (the last one) with <paramref name="wrap"/> around it.</summary>
    private static void Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> wrap) where TService : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService))
                       ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered yet: add the page cache after it.");
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(TService), provider => wrap(provider, Create<TService>(provider, original)), original.Lifetime));
    }

    private static TService Create<TService>(IServiceProvider provider, ServiceDescriptor original) where TService : class =>
        (TService)(original.ImplementationInstance
                   ?? original.ImplementationFactory?.Invoke(provider)
                   ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));
}

/// <summary>The antiforgery service, telling the page cache when a page renders a token (such a page is never kept).</summary>
public sealed class VisitorAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        Mark(httpContext);
        return inner.GetAndStoreTokens(httpContext);
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext)
    {
        Mark(httpContext);
        return inner.GetTokens(httpContext);
    }

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static void Mark(HttpContext httpContext)
    {
        if (httpContext.Features.Get<PageRender>() is { } render) render.AntiforgeryToken = true;
    }
}

/// <summary>
/// The TempData cookie's provider, without the deletion it would send on every page that reads TempData (the layout does,
/// for the one-time confirmation) to visitors who hold no such cookie: a <c>Set-Cookie</c> that changes nothing, and
/// would keep every page of anonymous visitors out of the page cache.
/// </summary>
public sealed class QuietTempData(ITempDataProvider inner, string cookie) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.Keys.Any(name => name.StartsWith(cookie, StringComparison.Ordinal))) return;
        inner.SaveTempData(context, values);
    }
}
